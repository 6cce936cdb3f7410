import DebriefService
import DebriefStore
import HTTPTypes
import Hummingbird

/// `GET /health`: whether Debrief can read its database. Public on purpose: load balancers and
/// operators' probes call it without credentials, and it reveals nothing but counts of nothing.
struct HealthController {
    let service: DebriefService

    struct Status: ResponseEncodable {
        let status: String
        let database: String
    }

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/health", use: check)
    }

    @Sendable func check(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let status: Status
        let code: HTTPResponse.Status
        do {
            try await service.ping()
            (status, code) = (Status(status: "ok", database: "reachable"), .ok)
        } catch {
            (status, code) = (Status(status: "unavailable", database: error.description), .serviceUnavailable)
        }
        var response = try status.response(from: request, context: context)
        response.status = code
        return response
    }
}
