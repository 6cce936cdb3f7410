import DebriefCore
import DebriefService
import DebriefStore
import HTTPTypes
import Hummingbird

/// Finds out who is asking: a bearer access token (scripts and the API) or the session cookie of a
/// browser that signed in with a password. A request with neither goes on anonymous; the routes
/// decide what an anonymous request may see. A credential that is present but unknown, expired,
/// ended or revoked is refused here, so a stale session never passes for an anonymous request.
struct Authenticator: RouterMiddleware {
    let service: DebriefService
    /// Whether session cookies are `Secure`, so the one that clears a stale session matches it.
    let secureCookies: Bool

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            let presented = parts.count == 2 && parts[0].lowercased() == "bearer" ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
            guard let token = AccessToken(presented: presented), let session = try await service.accessTokenSession(presenting: token) else {
                throw Problem.signInRequired("the access token is unknown, expired or revoked; ask an admin for a new one")
            }
            context.principal = session.principal
        } else if let secret = request.cookies[SessionCookie.name]?.value, !secret.isEmpty {
            guard let session = try await service.session(presenting: secret), let token = AccessToken(presented: secret, kind: .session) else {
                throw Problem.signInRequired("your session has ended; sign in again", clearing: SessionCookie.signOut(secure: secureCookies))
            }
            context.principal = session.principal
            context.sessionToken = token
        }
        return try await next(request, context)
    }
}
