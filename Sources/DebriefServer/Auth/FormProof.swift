import DebriefCore
import Foundation
import Hummingbird

/// The CSRF token of every state-changing form. Signed in, it is derived from the session secret
/// (`AccessToken.formProof`); before signing in, it is a random value the page also sets as a
/// cookie, and a post must carry both. Another site can read neither, so it cannot forge a post.
enum FormProof {
    /// The value a page puts in its forms, and the cookie to set when the browser has none yet.
    static func forPage(_ request: Request, context: DebriefRequestContext, secure: Bool) -> (value: String, cookie: Cookie?) {
        if let session = context.sessionToken { return (session.formProof, nil) }
        if let existing = request.cookies[SessionCookie.formName]?.value, existing.count == 64 { return (existing, nil) }
        let value = Hex.random(byteCount: 32)
        return (value, SessionCookie.form(value, secure: secure))
    }

    /// Refuses a post whose proof is missing or wrong, and any post from another origin.
    static func check(_ submitted: String?, request: Request, context: DebriefRequestContext) throws(Problem) {
        try requireSameOrigin(request)
        let expected = context.sessionToken?.formProof ?? request.cookies[SessionCookie.formName]?.value
        guard let submitted, let expected, !expected.isEmpty, submitted == expected else {
            throw Problem(
                status: .forbidden, title: "Form expired",
                detail: "this form was not sent from a page Debrief showed you (or it is too old); reload the page and try again")
        }
    }

    /// A form posted from another site is refused outright.
    private static func requireSameOrigin(_ request: Request) throws(Problem) {
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let authority = request.head.authority ?? ""
        let host = authority.split(separator: ":").first.map(String.init) ?? ""
        guard let originHost = URL(string: origin)?.host(percentEncoded: false), !host.isEmpty, host == originHost else {
            throw Problem(status: .forbidden, title: "Cross-site request", detail: "forms are only accepted from Debrief's own pages")
        }
    }
}
