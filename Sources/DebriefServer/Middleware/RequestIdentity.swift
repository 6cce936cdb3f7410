import DebriefStore
import HTTPTypes
import Hummingbird

/// Every request gets an id: the caller's `X-Request-Id` when it is a sensible token (so a proxy's
/// id follows the request through), else the one Hummingbird made. It is in every log line of the
/// request and in the response's `X-Request-Id`, so a person reporting a problem can quote it.
struct RequestIdentity: RouterMiddleware {
    typealias Context = DebriefRequestContext

    static let header = HTTPField.Name("X-Request-Id")!

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let id = request.headers[Self.header].flatMap(Self.accepted) ?? context.id
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        var response = try await AuditContext.$requestID.withValue(id) { try await next(request, context) }
        response.headers[Self.header] = id
        return response
    }

    /// 1 to 128 letters, digits and `-._:`; anything else (a log-injection attempt) is replaced.
    static func accepted(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
            value.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._:".utf8.contains(byte)
            })
        else { return nil }
        return value
    }
}
