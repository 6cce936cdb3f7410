import DebriefCore
import DebriefStore
import HTTPTypes
import Hummingbird

/// Finds out who is asking: a bearer token (scripts) or the session cookie (browsers). A request
/// with neither goes on anonymous; the routes decide what an anonymous request may see.
/// A token that is present but unknown, expired or revoked is refused here, so a stale session
/// never falls through to a route as if nobody had signed in.
struct Authenticator: RouterMiddleware {
    let database: AppDatabase
    /// Whether session cookies are `Secure`, so the one that clears a stale session matches it.
    let secureCookies: Bool

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let presented = Self.presentedToken(in: request) {
            guard let token = AccessToken(presented: presented), let session = try await database.session(presenting: token) else {
                throw Problem.signInRequired(
                    "the access token is unknown, expired or revoked; sign in again", clearing: SessionCookie.signOut(secure: secureCookies))
            }
            context.principal = session.principal
        }
        return try await next(request, context)
    }

    private static func presentedToken(in request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
            return authorization  // not a bearer token: refused above as unknown
        }
        guard let value = request.cookies[SessionCookie.name]?.value, !value.isEmpty else { return nil }
        return value
    }
}
