import DebriefCore
import DebriefService
import Foundation
import Hummingbird

/// Signing in with an email and a password, signing out, and setting a password from an invite.
/// Scripts skip this and send `Authorization: Bearer TOKEN`.
struct SessionController {
    let service: DebriefService
    /// Mark the cookies `Secure` (when Debrief is served over HTTPS).
    let secureCookies: Bool

    struct SignInForm: Decodable {
        let email: String?
        let password: String?
        let next: String?
        let csrf: String?
    }

    struct InviteForm: Decodable {
        let password: String?
        let confirmation: String?
        let csrf: String?
    }

    struct SignOutForm: Decodable {
        let csrf: String?
    }

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/sign-in", use: showSignIn)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
        router.get("/invite/:token", use: showInvite)
        router.post("/invite/:token", use: acceptInvite)
    }

    @Sendable func showSignIn(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let next = SignInPage.safeNext(request.uri.queryParameters["next"].map(String.init))
        if context.principal != nil { return HTMLResponse.redirect(to: next) }
        return page({ SignInPage.render(next: next, email: "", message: nil, proof: $0) }, request, context)
    }

    @Sendable func signIn(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let form = try await Self.form(SignInForm.self, request, context: context)
        try FormProof.check(form.csrf, request: request, context: context)
        let next = SignInPage.safeNext(form.next)
        let email = form.email ?? ""
        do {
            let session = try await service.signIn(email: email, password: form.password ?? "", client: context.clientAddress)
            context.logger.info("signed in", metadata: ["user": .string(session.user.email.value)])
            var response = HTMLResponse.redirect(to: next)
            response.setCookie(SessionCookie.signIn(session.token, expiresAt: session.expiresAt, secure: secureCookies))
            return response
        } catch ServiceError.signInRefused {
            context.logger.notice("sign-in refused", metadata: ["client": .string(context.clientAddress)])
            return page(
                { SignInPage.render(next: next, email: email, message: DebriefService.signInRefusal, proof: $0) }, request, context,
                status: .unauthorized)
        } catch ServiceError.tooManyAttempts(let seconds) {
            var response = page(
                { SignInPage.render(next: next, email: email, message: ServiceError.tooManyAttempts(retryAfter: seconds).description, proof: $0) },
                request,
                context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let form = try await Self.form(SignOutForm.self, request, context: context)
        try FormProof.check(form.csrf, request: request, context: context)
        if let token = context.sessionToken { try await service.signOut(presenting: token.secret) }
        var response = HTMLResponse.redirect(to: "/sign-in")
        response.setCookie(SessionCookie.signOut(secure: secureCookies))
        return response
    }

    @Sendable func showInvite(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let secret = context.parameters.get("token") ?? ""
        guard let user = try await service.invitedUser(presenting: secret) else { throw Problem.notFound(ServiceError.inviteUnusable.description) }
        return page({ InvitePage.render(user: user, message: nil, proof: $0) }, request, context)
    }

    @Sendable func acceptInvite(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let secret = context.parameters.get("token") ?? ""
        let form = try await Self.form(InviteForm.self, request, context: context)
        try FormProof.check(form.csrf, request: request, context: context)
        guard let user = try await service.invitedUser(presenting: secret) else { throw Problem.notFound(ServiceError.inviteUnusable.description) }
        let password = form.password ?? ""
        guard password == form.confirmation else {
            return page(
                { InvitePage.render(user: user, message: "the two passwords differ; type the same one twice", proof: $0) }, request, context,
                status: .unprocessableContent)
        }
        do {
            let session = try await service.acceptInvite(presenting: secret, password: password, client: context.clientAddress)
            var response = HTMLResponse.redirect(to: "/")
            response.setCookie(SessionCookie.signIn(session.token, expiresAt: session.expiresAt, secure: secureCookies))
            return response
        } catch let error as FieldError {
            return page({ InvitePage.render(user: user, message: error.message, proof: $0) }, request, context, status: .unprocessableContent)
        }
    }

    /// A page with a form: the form's proof is filled in, and its cookie set when the browser lacks one.
    private func page(
        _ render: (String) -> String, _ request: Request, _ context: DebriefRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let proof = FormProof.forPage(request, context: context, secure: secureCookies)
        var response = HTMLResponse.page(render(proof.value), status: status)
        if let cookie = proof.cookie { response.setCookie(cookie) }
        return response
    }

    private static func form<Form: Decodable>(_ type: Form.Type, _ request: Request, context: DebriefRequestContext) async throws -> Form {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
        } catch {
            throw Problem.badRequest("the form could not be read; reload the page and try again")
        }
    }
}
