import DebriefCore
import DebriefStore
import Foundation
import Hummingbird

/// Signing in and out of the web pages. Scripts skip this and send `Authorization: Bearer TOKEN`.
struct SessionController {
    let database: AppDatabase
    /// Mark the session cookie `Secure` (when Debrief is served over HTTPS).
    let secureCookies: Bool

    struct SignInForm: Decodable {
        let token: String
        let next: String?
    }

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/sign-in", use: showSignIn)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
    }

    @Sendable func showSignIn(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let next = SignInPage.safeNext(request.uri.queryParameters["next"].map(String.init))
        if context.principal != nil { return HTMLResponse.redirect(to: next) }
        return HTMLResponse.page(SignInPage.render(next: next, message: nil))
    }

    @Sendable func signIn(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        try Self.requireSameOrigin(request)
        let form = try await Self.form(request, context: context)
        let next = SignInPage.safeNext(form.next)
        guard let token = AccessToken(presented: form.token.trimmingCharacters(in: .whitespacesAndNewlines)),
            let session = try await database.session(presenting: token)
        else {
            return HTMLResponse.page(
                SignInPage.render(next: next, message: "That token is unknown, expired or revoked. Ask an admin for a new one."),
                status: .unauthorized)
        }
        context.logger.info("signed in", metadata: ["user": .string(session.principal.label)])
        var response = HTMLResponse.redirect(to: next)
        response.setCookie(SessionCookie.signIn(token, expiresAt: session.expiresAt, secure: secureCookies))
        return response
    }

    @Sendable func signOut(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        try Self.requireSameOrigin(request)
        var response = HTMLResponse.redirect(to: "/sign-in")
        response.setCookie(SessionCookie.signOut(secure: secureCookies))
        return response
    }

    private static func form(_ request: Request, context: DebriefRequestContext) async throws -> SignInForm {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            return try URLEncodedFormDecoder().decode(SignInForm.self, from: String(buffer: body))
        } catch {
            throw Problem.badRequest("the sign-in form needs a token field")
        }
    }

    /// A form posted from another site is refused (the session cookie is SameSite=Strict as well).
    private static func requireSameOrigin(_ request: Request) throws(Problem) {
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let authority = request.head.authority ?? ""
        let host = authority.split(separator: ":").first.map(String.init) ?? ""
        guard let originHost = URL(string: origin)?.host(percentEncoded: false), !host.isEmpty,
            host == originHost
        else {
            throw Problem(status: .forbidden, title: "Cross-site request", detail: "forms are only accepted from Debrief's own pages")
        }
    }
}
