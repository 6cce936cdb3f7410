import DebriefCore
import Foundation
import Hummingbird

/// The browser's cookies: the session secret (HttpOnly, SameSite=Strict, so page scripts cannot
/// read it and other sites cannot send it), and the form proof of pages shown before signing in.
enum SessionCookie {
    static let name = "debrief_session"
    static let formName = "debrief_form"

    static func signIn(_ token: AccessToken, expiresAt: Date, secure: Bool) -> Cookie {
        Cookie(
            name: name, value: token.secret, maxAge: max(0, Int(expiresAt.timeIntervalSinceNow)), path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    static func signOut(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func form(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: formName, value: value, maxAge: 2 * 3_600, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
