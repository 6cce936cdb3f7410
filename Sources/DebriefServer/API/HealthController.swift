import DebriefService
import DebriefStore
import HTTPTypes
import Hummingbird

/// Probes, public on purpose: load balancers and operators call them without credentials, and they
/// reveal nothing but whether Debrief is up. `GET /healthz`: the process answers (with its version);
/// `GET /readyz`: the database is reachable and migrated, else 503; `GET /health`: the database is
/// reachable (kept for existing probes).
struct HealthController {
    let service: DebriefService
    let version: String

    struct Status: ResponseEncodable {
        let status: String
        let database: String
    }

    struct Alive: ResponseEncodable {
        let status: String
        let version: String
        let schemaVersion: String

        private enum CodingKeys: String, CodingKey {
            case status, version
            case schemaVersion = "schema_version"
        }
    }

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/health", use: check)
        router.get("/healthz") { request, context in
            try Alive(status: "ok", version: version, schemaVersion: AppDatabase.schemaVersion).response(from: request, context: context)
        }
        router.get("/readyz", use: ready)
    }

    @Sendable func check(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        do {
            try await service.ping()
        } catch {
            return try Self.respond(Status(status: "unavailable", database: error.description), .serviceUnavailable, request, context)
        }
        return try Self.respond(Status(status: "ok", database: "reachable"), .ok, request, context)
    }

    @Sendable func ready(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        if let problem = await service.readiness() {
            context.logger.warning("not ready: \(problem)")
            return try Self.respond(Status(status: "unavailable", database: problem), .serviceUnavailable, request, context)
        }
        return try Self.respond(Status(status: "ready", database: "reachable and migrated (\(AppDatabase.schemaVersion))"), .ok, request, context)
    }

    private static func respond(
        _ status: Status, _ code: HTTPResponse.Status, _ request: Request, _ context: DebriefRequestContext
    ) throws -> Response {
        var response = try status.response(from: request, context: context)
        response.status = code
        return response
    }
}
