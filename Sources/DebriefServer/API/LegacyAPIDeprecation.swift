import HTTPTypes
import Hummingbird

/// The first `/api/...` routes keep answering, marked deprecated (RFC 9745) since 0.6.0 with a
/// `Link` to their `/api/v1/...` successor, so integrations see where to move before they break.
struct LegacyAPIDeprecation: RouterMiddleware {
    typealias Context = DebriefRequestContext
    /// 2026-12-02T00:00:00Z, the day `/api/v1` replaced them.
    static let since = "@1796169600"

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        let link = "<" + request.uri.path.replacingOccurrences(of: "/api/", with: "/api/v1/") + ">; rel=\"successor-version\""
        do {
            var response = try await next(request, context)
            response.headers[.deprecation] = Self.since
            response.headers[.link] = link
            return response
        } catch var problem as Problem {
            problem.headers[.deprecation] = Self.since
            problem.headers[.link] = link
            throw problem
        }
    }
}
