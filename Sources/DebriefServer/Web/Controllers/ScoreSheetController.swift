import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import Hummingbird

/// Score sheets in the browser: the CSV of `debrief scores import`, uploaded or pasted; every
/// problem listed by line and column with nothing stored, or a summary of what was stored.
struct ScoreSheetController {
    let service: DebriefService

    static let uploadLimit = 2 * 1_048_576

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/score-sheets", use: form)
        router.post("/score-sheets", use: importSheet)
    }

    struct Outcome {
        var csv = ""
        var createMissing = false
        var rubricID = ""
        var summary: String?
        var message: String?
        var problems: [ScoreSheetProblem] = []
    }

    @Sendable func form(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.require(.managePipeline)
        return page(Outcome(), request, context, status: .ok)
    }

    @Sendable func importSheet(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        var outcome = Outcome()
        let form: MultipartForm
        do {
            form = try await MultipartForm.posted(request, context, limit: Self.uploadLimit)
        } catch let problem as FormProblem {
            outcome.message = problem.message
            return page(outcome, request, context, status: .contentTooLarge)
        }
        outcome.createMissing = form.text("create_missing") == "yes"
        outcome.rubricID = form.text("rubric") ?? ""
        let pasted = form.text("csv") ?? "", uploaded = form.file("file")
        let text = uploaded.map { String(decoding: $0.data, as: UTF8.self) } ?? pasted
        outcome.csv = uploaded == nil ? pasted : ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            outcome.message = "choose a CSV file or paste one"
            return page(outcome, request, context, status: .unprocessableContent)
        }
        do {
            let summary = try await service.importScoreSheet(
                csv: text, createMissing: outcome.createMissing, newPositionRubric: outcome.rubricID.isEmpty ? nil : outcome.rubricID, by: principal)
            outcome.summary = summary.summary
            outcome.csv = ""
            return page(outcome, request, context, status: .ok)
        } catch let error as ScoreSheetError {
            outcome.problems = error.problems
        } catch StoreError.sheetRejected(let error) {
            outcome.problems = error.problems
        } catch let error as FieldError {
            outcome.message = error.message
        }
        return page(outcome, request, context, status: .unprocessableContent)
    }

    private func page(_ outcome: Outcome, _ request: Request, _ context: DebriefRequestContext, status: HTTPResponse.Status) -> Response {
        let html = PageTemplate.render(
            "scoreSheets", chrome: context.chrome("Score sheets", request),
            [
                "columns": ScoreSheet.columns.joined(separator: ","), "summary": outcome.summary ?? false, "message": outcome.message ?? false,
                "hasProblems": !outcome.problems.isEmpty, "problemCount": outcome.problems.count, "csv": outcome.csv,
                "createMissing": outcome.createMissing,
                "problems": outcome.problems.map { ["line": $0.line, "column": $0.column ?? "", "message": $0.message] as [String: Any] },
                "rubrics": (service.rubrics?.rubrics ?? []).map {
                    ["id": $0.id, "title": $0.title, "selected": $0.id == outcome.rubricID] as [String: Any]
                },
            ])
        return HTMLResponse.page(html, status: status)
    }
}
