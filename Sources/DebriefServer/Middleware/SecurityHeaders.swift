import HTTPTypes
import Hummingbird

/// Headers on every response: no scripts, frames, plugins or outside requests on any page (pages
/// need only Debrief's own stylesheet and inline SVG), no sniffing, no referrer, and nothing cached
/// that a signed-in person saw.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = DebriefRequestContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
