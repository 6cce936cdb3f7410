import DebriefCore
import DebriefImport
import DebriefService
import DebriefStore
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

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
        _ = try context.require(.managePipeline)
        let set = try await service.database.questionSet(id: try PathID.require("set", in: context))
        let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
        return HTMLResponse.page(QuestionBankPages.set(set, notice: notice, chrome: context.chrome(set.title, request)))
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
            post = try await Self.read(request, context)
        } catch let problem as FormProblem {
            return form(QuestionBankPages.ImportForm(message: problem.message), request, context, status: .contentTooLarge)
        }
        try FormProof.check(post.csrf, request: request, context: context)
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
                found, page: page, filename: filename, form: typed, rubric: try rubricID.map { try service.rubric($0) },
                chrome: context.chrome("Import questions", request))
            return HTMLResponse.page(html)
        } catch let error as ImportError {
            typed.message = error.description
        } catch let error as ServiceError {
            guard case .forbidden = error else {
                typed.message = error.description
                return form(typed, request, context, status: .unprocessableContent)
            }
            throw error
        } catch let error as FieldError {
            typed.message = error.message
        }
        return form(typed, request, context, status: .unprocessableContent)
    }

    private func form(_ typed: QuestionBankPages.ImportForm, _ request: Request, _ context: DebriefRequestContext, status: HTTPResponse.Status) -> Response {
        let html = QuestionBankPages.importForm(
            typed, rubrics: service.rubrics?.rubrics ?? [], limit: Self.uploadLimit, chrome: context.chrome("Import questions", request))
        return HTMLResponse.page(html, status: status)
    }

    /// The import form's fields, read from its multipart body; too large a body is a problem the form shows.
    private static func read(_ request: Request, _ context: DebriefRequestContext) async throws -> ImportPost {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count)
        else { throw Problem.badRequest("the import form is sent as multipart/form-data; reload the page and try again") }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: requestLimit)
        } catch is NIOTooManyBytesError {
            let limit = ByteCountFormatter.string(fromByteCount: Int64(uploadLimit), countStyle: .file)
            throw FormProblem(field: "file", message: "the upload is larger than Debrief imports from the browser (\(limit)); import it with debrief import FILE")
        }
        let parser = MultipartParser(boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.replaceOrAdd(name: name, value: value) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw Problem.badRequest("the import form could not be read; reload the page and try again")
        }
        return ImportPost(parts: parts)
    }
}

/// The import form's fields.
struct ImportPost {
    var csrf: String?
    var action: String?
    var html: String?
    var name: String?
    var rubric: String?
    /// The previewed page, base64, sent back to be stored.
    var page: String?
    var filename: String?
    var file: MultipartPart?

    init(parts: [MultipartPart]) {
        func text(_ name: String) -> String? {
            parts.last { $0.name == name }.map { String(decoding: $0.body.readableBytesView, as: UTF8.self) }
        }
        csrf = text("csrf")
        action = text("action")
        html = text("html")
        name = text("name")
        rubric = text("rubric")
        page = text("page")
        filename = text("filename")
        file = parts.last { $0.name == "file" }
    }

    /// The uploaded file (with its name) when one was chosen, else the pasted text.
    func page(limit: Int) throws(FieldError) -> (Data, String) {
        if let file, file.body.readableBytes > 0 {
            guard file.body.readableBytes <= limit else {
                throw FieldError(field: "file", "the file is larger than Debrief imports from the browser; import it with debrief import FILE")
            }
            return (Data(file.body.readableBytesView), Self.filename(file) ?? "upload.html")
        }
        guard let html, !html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldError(field: "html", "paste an HTML page or fragment, or choose a file to upload")
        }
        return (Data(html.utf8), "")
    }

    /// The file name the browser sent, without any folder.
    private static func filename(_ part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition"),
            let range = disposition.range(of: "filename=\"")
        else { return nil }
        let rest = disposition[range.upperBound...]
        let name = String(rest.prefix { $0 != "\"" })
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base.isEmpty ? nil : base
    }
}
