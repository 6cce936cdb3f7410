import DebriefCore
import DebriefReports
import DebriefService
import DebriefStore
import Hummingbird

/// The web pages: the positions a person can open, and the same HTML reports the CLI writes,
/// linked to each other.
struct PositionPagesController {
    let service: DebriefService

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/", use: home)
        router.get("/positions/:position", use: positionReport)
        router.get("/positions/:position/candidates/:candidate", use: candidateReport)
    }

    @Sendable func home(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        guard AccessPolicy.permits(principal, .readReports) else { return HTMLResponse.redirect(to: "/interviews") }
        let positions = try await service.positions()
        return HTMLResponse.page(HomePage.render(positions: positions, chrome: context.chrome("Positions", request)))
    }

    @Sendable func positionReport(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let positionID = try PathID.require("position", in: context)
        let report = try await service.positionReport(positionID)
        let links = Dictionary(uniqueKeysWithValues: report.candidates.map { ($0.id, "/positions/\(positionID)/candidates/\($0.id)") })
        let chrome = context.chrome("\(report.position.title): debrief pack", request)
        return HTMLResponse.page(ReportPages.position(report, candidateLinks: links, chrome: chrome))
    }

    @Sendable func candidateReport(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let report = try await service.candidateReport(
            try PathID.require("candidate", in: context), position: try PathID.require("position", in: context))
        return HTMLResponse.page(ReportPages.candidate(report, chrome: context.chrome("\(report.candidate.name): \(report.position.title)", request)))
    }
}
