import DebriefCore
import DebriefImport
import DebriefReports
import DebriefService
import DebriefStore
import Foundation
import Hummingbird

/// The question bank in the browser: sets, full-text search with filters, one set, and importing a
/// page by paste or upload (a dry-run preview first, then stored in one transaction).
struct QuestionBankController {
    let service: DebriefService

    /// The largest page the import form takes; the CLI takes larger files from disk.
    static let uploadLimit = 5 * 1_048_576
    /// The whole request: the page, base64 in the confirm form (4/3 of it), and the other fields.
    static let requestLimit = uploadLimit * 3 / 2

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/questions", use: bank)
        router.get("/questions/sets/:set", use: set)
        router.get("/questions/health", use: health)
        router.get("/questions/import", use: importForm)
        router.post("/questions/import", use: importPage)
    }

    @Sendable func bank(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let parameters = FormFields(query: request)
        func text(_ name: String) -> String? { parameters.text(name) }
        var query = QuestionQuery(text: text("q"), competency: text("competency"), level: text("level"), limit: QuestionBankPages.pageSize)
        if let set = text("set") {
            guard let id = Int64(set) else { throw Problem.badRequest("set must be a set's number, not '\(set)'") }
            query.setID = id
        }
        if let offset = text("offset") {
            guard let value = Int(offset), value >= 0 else { throw Problem.badRequest("offset must be 0 or more, not '\(offset)'") }
            query.offset = value
        }
        let searched = query.text != nil || query.competency != nil || query.level != nil || query.setID != nil
        let result = searched ? try await service.searchQuestions(query, by: principal) : nil
        let sets = try await service.questionSets(by: principal)
        let html = QuestionBankPages.bank(
            sets: sets, query: query, result: result, rubrics: service.rubrics?.rubrics ?? [], chrome: context.chrome("Question bank", request))
        return HTMLResponse.page(html)
    }

    @Sendable func set(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let set = try await service.questionSet(try PathID.require("set", in: context), by: principal)
        let notice = FormFields(query: request).notice(from: Self.notices)
        // The set's page shows without its health when the server is too busy to work that out now.
        var health: QuestionHealthReport?
        if AccessPolicy.permits(principal, .readReports) {
            do {
                health = try await service.questionHealthReport(position: nil, set: set.id)
            } catch ServiceError.busy {
                health = nil
            }
        }
        return HTMLResponse.page(QuestionBankPages.set(set, health: health, notice: notice, chrome: context.chrome(set.title, request)))
    }

    /// Which questions give signal: every rated question's health, across the bank or in one position.
    @Sendable func health(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.requireReportReader()
        let parameters = FormFields(query: request)
        var positionID: Int64?
        if let text = parameters.text("position") {
            guard let id = Int64(text) else { throw Problem.badRequest("position must be a position's number, not '\(text)'") }
            positionID = id
        }
        let report = try await service.questionHealthReport(position: positionID)
        let html = QuestionBankPages.health(report, positions: try await service.positions(), chrome: context.chrome("Question health", request))
        return HTMLResponse.page(html)
    }

    private static let notices = [
        "stored": "Stored in the bank.",
        "unchanged": "This page is in the bank already, unchanged: nothing was added.",
    ]

    @Sendable func importForm(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.require(.managePipeline)
        return form(QuestionBankPages.ImportForm(), request, context, status: .ok)
    }

    @Sendable func importPage(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let post: ImportPost
        do {
            post = ImportPost(try await MultipartForm.posted(request, context, limit: Self.requestLimit))
        } catch let problem as FormProblem {
            return form(QuestionBankPages.ImportForm(message: problem.message), request, context, status: .contentTooLarge)
        }
        var typed = QuestionBankPages.ImportForm(html: post.html ?? "", name: post.name ?? "", rubricID: post.rubric ?? "")
        let rubricID = typed.rubricID.isEmpty ? nil : typed.rubricID
        do {
            let importer = try service.importer(rubricID: rubricID, overrides: nil)
            if post.action == "store" {
                guard let page = post.page.flatMap({ Data(base64Encoded: $0) }), !page.isEmpty else {
                    throw FieldError(field: "page", "the preview's page did not come back; paste or upload it again")
                }
                let upload = PageUpload(data: page, path: post.filename.flatMap { $0.isEmpty ? nil : $0 }, name: post.name)
                switch try await service.importPage(upload, with: importer, preview: false, by: principal) {
                case .stored(_, let set): return HTMLResponse.redirect(to: "/questions/sets/\(set.id ?? 0)?done=stored")
                case .unchanged(_, let set): return HTMLResponse.redirect(to: "/questions/sets/\(set.id ?? 0)?done=unchanged")
                case .preview: break
                }
            }
            let (page, filename) = try post.page(limit: Self.uploadLimit)
            let upload = PageUpload(data: page, path: filename.isEmpty ? nil : filename, name: post.name)
            let found = try await service.importPage(upload, with: importer, preview: true, by: principal).found
            let html = QuestionBankPages.preview(
                found, page: page, filename: filename, form: typed, rubric: importer.rubric,
                chrome: context.chrome("Import questions", request))
            return HTMLResponse.page(html)
        } catch let error as ImportError {
            typed.message = error.description
        } catch let error as ServiceError {
            if case .forbidden = error { throw error }
            typed.message = error.description
            if case .busy(_, let seconds) = error {
                // The form comes back with what was pasted, to send again when the server is free.
                var response = form(typed, request, context, status: .serviceUnavailable)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
        } catch let error as FieldError {
            typed.message = error.message
        }
        return form(typed, request, context, status: .unprocessableContent)
    }

    private func form(_ typed: QuestionBankPages.ImportForm, _ request: Request, _ context: DebriefRequestContext, status: HTTPResponse.Status)
        -> Response
    {
        let html = QuestionBankPages.importForm(
            typed, rubrics: service.rubrics?.rubrics ?? [], limit: Self.uploadLimit, chrome: context.chrome("Import questions", request))
        return HTMLResponse.page(html, status: status)
    }
}

/// The import form's fields.
struct ImportPost {
    var action: String?
    var html: String?
    var name: String?
    var rubric: String?
    /// The previewed page, base64, sent back to be stored.
    var page: String?
    var filename: String?
    var file: (data: Data, filename: String)?

    init(_ form: MultipartForm) {
        action = form.text("action")
        html = form.text("html")
        name = form.text("name")
        rubric = form.text("rubric")
        page = form.text("page")
        filename = form.text("filename")
        file = form.file("file")
    }

    /// The uploaded file (with its name) when one was chosen, else the pasted text.
    func page(limit: Int) throws(FieldError) -> (Data, String) {
        if let file {
            guard file.data.count <= limit else {
                throw FieldError(field: "file", "the file is larger than Debrief imports from the browser; import it with debrief import FILE")
            }
            return (file.data, file.filename)
        }
        guard let html, !html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldError(field: "html", "paste an HTML page or fragment, or choose a file to upload")
        }
        return (Data(html.utf8), "")
    }
}
