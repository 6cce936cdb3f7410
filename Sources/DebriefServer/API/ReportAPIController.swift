import DebriefCore
import DebriefReports
import DebriefService
import DebriefStore
import Hummingbird

/// The first JSON API for scripts: who am I, the positions, and every report in every format
/// (`?format=json|csv|md|html`, JSON by default). Deprecated for `/api/v1` (see `LegacyAPIDeprecation`).
struct ReportAPIController {
    let service: DebriefService

    func addRoutes(to router: Router<DebriefRequestContext>) {
        let legacy = router.group().add(middleware: LegacyAPIDeprecation())
        legacy.get("/api/me", use: me)
        legacy.get("/api/positions", use: positions)
        legacy.get("/api/positions/:position/report", use: positionReport)
        legacy.get("/api/positions/:position/candidates/:candidate/report", use: candidateReport)
    }

    struct Me: Encodable {
        let label: String
        let userId: Int64?
        let role: String
    }

    @Sendable func me(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        return try Self.json(Me(label: principal.label, userId: principal.userID, role: principal.role.rawValue))
    }

    @Sendable func positions(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireSignedIn()
        return try Self.json(try await service.positions())
    }

    @Sendable func positionReport(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let format = try Self.format(of: request)
        let rendered = try await service.renderedPositionReport(try PathID.require("position", in: context), format: format)
        return Self.document(rendered.text, format: format)
    }

    @Sendable func candidateReport(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let format = try Self.format(of: request)
        let report = try await service.candidateReport(
            try PathID.require("candidate", in: context), position: try PathID.require("position", in: context))
        return Self.document(try format.render(report), format: format)
    }

    private static func format(of request: Request) throws(Problem) -> ReportFormat {
        guard let text = request.uri.queryParameters["format"].map(String.init) else { return .json }
        guard let format = ReportFormat(rawValue: text) else {
            throw Problem.badRequest("format '\(text)' is not one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    private static func document(_ text: String, format: ReportFormat) -> Response {
        Response(status: .ok, headers: [.contentType: format.contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func json(_ value: some Encodable) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONText.data(value))))
    }
}
