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
        router.get("/rubrics/:rubric/reliability", use: rubricReliability)
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
        let query = request.uri.queryParameters
        // A page of the ranking, so a position of thousands of candidates stays a light page; `?all=1`
        // is the whole ranking on one page, for printing.
        let everything = query["all"] == "1"
        let sort = try query["sort"].map { try RankingSort(parsing: String($0)) } ?? .rank
        let number =
            try query["page"].map { text in
                guard let number = Int(text) else { throw FieldError(field: "page", "'\(text)' is not a page number") }
                return number
            } ?? 1
        let report = try await service.positionReport(positionID)
        let path = "/positions/\(positionID)"
        let pager =
            everything
            ? nil
            : RankingPager(page: try report.rankingPage(number, sort: sort), everything: "\(path)?all=1") { number, sort in
                "\(path)?sort=\(sort.rawValue)&page=\(number)"
            }
        let shown = pager?.page.entries ?? report.candidates
        let links = Dictionary(shown.map { ($0.id, "\(path)/candidates/\($0.id)") }) { first, _ in first }
        let chrome = context.chrome("\(report.position.title): debrief pack", request)
        // Rubric ids are slugs (letters, digits, hyphens): safe in a path as they are.
        let rubricStudy = "/rubrics/\(report.position.rubric.id)/reliability"
        return HTMLResponse.page(ReportPages.position(report, candidateLinks: links, pager: pager, rubricStudy: rubricStudy, chrome: chrome))
    }

    @Sendable func candidateReport(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let report = try await service.candidateReport(
            try PathID.require("candidate", in: context), position: try PathID.require("position", in: context))
        return HTMLResponse.page(ReportPages.candidate(report, chrome: context.chrome("\(report.candidate.name): \(report.position.title)", request)))
    }

    /// The reliability study of every position scored against the rubric.
    @Sendable func rubricReliability(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let report = try await service.rubricReliabilityReport(context.parameters.get("rubric") ?? "")
        let links = Dictionary(uniqueKeysWithValues: report.positions.map { ($0.id, "/positions/\($0.id)") })
        return HTMLResponse.page(
            ReportPages.rubricReliability(report, positionLinks: links, chrome: context.chrome("Reliability: \(report.rubric.id)", request)))
    }
}
