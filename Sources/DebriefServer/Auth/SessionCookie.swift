import DebriefCore
import Foundation
import Hummingbird

/// The browser's session: the access token in an HttpOnly, SameSite=Strict cookie, so page
/// scripts cannot read it and other sites cannot send it.
enum SessionCookie {
    static let name = "debrief_session"

    static func signIn(_ token: AccessToken, expiresAt: Date, secure: Bool) -> Cookie {
        Cookie(
            name: name, value: token.secret, maxAge: max(0, Int(expiresAt.timeIntervalSinceNow)), path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    static func signOut(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
