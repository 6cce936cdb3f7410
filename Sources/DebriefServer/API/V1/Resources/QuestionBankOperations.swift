import DebriefCore
import DebriefImport
import DebriefService
import DebriefStore
import Foundation
import NIOCore

/// `/api/v1/question-sets` and `/api/v1/questions`: the question bank, its search and its imports.
enum QuestionBankOperations {
    /// Pages and uploads may be large; JSON bodies elsewhere are not.
    static let importLimit = 5 * 1024 * 1024

    private struct SetSummary: Encodable {
        let id: Int64
        let title: String
        let source: String
        let version: Int
        let importedAt: Date
        let questionCount: Int

        init(_ summary: QuestionSetSummary) {
            (id, title, source, version, importedAt, questionCount) =
                (summary.id, summary.title, summary.source, summary.version, summary.importedAt, summary.questionCount)
        }

        init(_ set: QuestionSet) {
            (id, title, source, version, importedAt, questionCount) =
                (set.id ?? 0, set.title, set.source, set.version, set.importedAt, set.questions.count)
        }
    }

    private struct Hit: Encodable {
        let question: Question
        let setTitle: String
        let setVersion: Int
        let highlighted: String
    }

    private struct SearchPage: Encodable {
        let items: [Hit]
        let total: Int
        let next: String?
    }

    private struct ImportResult: Encodable {
        struct Found: Encodable {
            let text: String
            let title: String?
            let section: String?
            let competencies: [String]
        }
        let stored: Bool
        let unchanged: Bool
        let questionSet: SetSummary?
        let title: String
        let questionCount: Int
        let questions: [Found]
        let warnings: [String]
    }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [
            APIOperation(
                method: .get, path: "/api/v1/question-sets", operationID: "listQuestionSets", tag: "Question bank",
                summary: "List the bank's question sets, every version", access: "recruiters and admins", parameters: APIParameters.list,
                outcomes: [.init(status: .ok, description: "a page of question sets", schema: APISchemas.page(of: "QuestionSetSummary"))]
            ) { input in
                let sets = try await service.questionSets(by: try input.principal).map(SetSummary.init).sorted { $0.id < $1.id }
                return try APIPage.slice(sets, id: \.id, for: input)
            },
            APIOperation(
                method: .get, path: "/api/v1/question-sets/{set}", operationID: "getQuestionSet", tag: "Question bank",
                summary: "A question set with its questions and model answers", access: "recruiters and admins",
                outcomes: [.init(status: .ok, description: "the set", schema: .ref("QuestionSet"))]
            ) { input in
                try APIReply.json(try await service.questionSet(try input.id("set"), by: try input.principal))
            },
            APIOperation(
                method: .post, path: "/api/v1/question-sets/import", operationID: "importQuestionSet", tag: "Question bank",
                summary: "Import an HTML page or fragment into the bank (dry_run previews without storing)", access: "recruiters and admins",
                parameters: [
                    .query("dry_run", .boolean, "true: say what the page holds and store nothing"),
                    .query(
                        "name", .string(minLength: 1, maxLength: 200),
                        "the set's name (else the page's title); the same name again is its next version"),
                    .query("rubric", .string(minLength: 1, maxLength: 64), "map questions to this rubric's competencies"),
                ],
                body: .document(
                    ["text/html", "multipart/form-data"], limit: importLimit,
                    description: "the page as text/html, or a multipart/form-data upload with the page in a part named file"),
                outcomes: [
                    .init(status: .created, description: "stored as a new set or the next version of its set", schema: .ref("ImportResult")),
                    .init(status: .ok, description: "a dry run, or the same content already in the bank", schema: .ref("ImportResult")),
                ]
            ) { input in
                let principal = try input.principal
                var data = input.body ?? Data()
                var name = input.query("name")
                if (input.request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data") {
                    let form = try MultipartForm.parse(ByteBuffer(data: data), contentType: input.request.headers[.contentType] ?? "")
                    guard let file = form.file("file") else {
                        throw Problem.validation([FieldProblem(field: "file", detail: "the upload has no part named file holding the page")])
                    }
                    data = file.data
                    name = name ?? form.text("name") ?? file.filename
                }
                guard !data.isEmpty else { throw Problem.validation([FieldProblem(field: "/", detail: "the page is empty")]) }
                let importer = try service.importer(rubricID: input.query("rubric"), overrides: nil)
                let outcome = try await service.importPage(
                    PageUpload(data: data, path: nil, name: name), with: importer, preview: input.query("dry_run") == "true", by: principal)
                let found = outcome.found
                let questions = found.sections.flatMap { section in
                    section.questions.map {
                        ImportResult.Found(text: $0.text, title: $0.title, section: section.title, competencies: $0.competencies)
                    }
                }
                switch outcome {
                case .preview:
                    return try APIReply.json(result(nil, stored: false, unchanged: false, found, questions))
                case .stored(_, let set):
                    return try APIReply.json(
                        result(SetSummary(set), stored: true, unchanged: false, found, questions), status: .created,
                        location: "/api/v1/question-sets/\(set.id ?? 0)")
                case .unchanged(_, let set):
                    return try APIReply.json(result(SetSummary(set), stored: false, unchanged: true, found, questions))
                }
            },
            APIOperation(
                method: .get, path: "/api/v1/questions", operationID: "searchQuestions", tag: "Question bank",
                summary: "Search the bank: every word in the question or its model answer, newest version of each set unless one is named",
                access: "recruiters and admins",
                parameters: [
                    .query("q", .string(maxLength: 200), "words to find"), .query("competency", .string(maxLength: 100), "only this competency"),
                    .query("level", .string(maxLength: 50), "only this level"), .query("set", .id, "only this set (any version)"),
                    .query("limit", .integer(minimum: 1, maximum: 200), "how many hits a page holds (default 50)"),
                    .query("cursor", .string(maxLength: 500), "where the page starts: the cursor of the previous page's next link"),
                ],
                outcomes: [.init(status: .ok, description: "a page of matches and how many there are", schema: .ref("QuestionSearch"))]
            ) { input in
                let offset = try APIPage<Hit>.cursor(input, as: Int.self) ?? 0
                let limit = APIPage<Hit>.limit(input)
                let query = QuestionQuery(
                    text: input.query("q"), competency: input.query("competency"), level: input.query("level"), setID: input.integer("set"),
                    limit: limit, offset: offset)
                let result = try await service.searchQuestions(query, by: try input.principal)
                let hits = result.hits.map { hit in
                    Hit(
                        question: hit.question, setTitle: hit.setTitle, setVersion: hit.setVersion,
                        highlighted: hit.runs.map { $0.matched ? "[[\($0.text)]]" : $0.text }.joined())
                }
                let next = offset + hits.count < result.total ? try APIPage<Hit>.nextLink(after: offset + hits.count, for: input) : nil
                return try APIReply.json(SearchPage(items: hits, total: result.total, next: next)).linking(next: next)
            },
            APIOperation(
                method: .post, path: "/api/v1/score-sheets", operationID: "importScoreSheet", tag: "Scorecards",
                summary: "Import a score sheet (the CSV of `debrief scores import`): every scorecard, or nothing and every problem by line",
                access: "recruiters and admins",
                parameters: [
                    .query("create_missing", .boolean, "add positions, candidates, interviewers and rounds the sheet names"),
                    .query("rubric", .string(minLength: 1, maxLength: 64), "the rubric of positions create_missing adds"),
                ],
                body: .document(["text/csv"], limit: importLimit, description: "the score sheet as CSV"),
                outcomes: [.init(status: .ok, description: "what the sheet stored", schema: .ref("ScoreSheetResult"))]
            ) { input in
                let principal = try input.principal
                let text = String(decoding: input.body ?? Data(), as: UTF8.self)
                do {
                    let summary = try await service.importScoreSheet(
                        csv: text, createMissing: input.query("create_missing") == "true", newPositionRubric: input.query("rubric"),
                        by: principal)
                    return try APIReply.json(summary)
                } catch let error as ScoreSheetError {
                    throw sheetProblem(error.problems)
                } catch StoreError.sheetRejected(let error) {
                    throw sheetProblem(error.problems)
                }
            },
        ]
    }

    private static func result(
        _ set: SetSummary?, stored: Bool, unchanged: Bool, _ found: ImportedQuestionSet, _ questions: [ImportResult.Found]
    ) -> ImportResult {
        ImportResult(
            stored: stored, unchanged: unchanged, questionSet: set, title: found.title, questionCount: found.questionCount, questions: questions,
            warnings: found.warnings)
    }

    private static func sheetProblem(_ problems: [ScoreSheetProblem]) -> Problem {
        var problem = Problem.validation(
            problems.map { FieldProblem(field: "line \($0.line)" + ($0.column.map { ", column \($0)" } ?? ""), detail: $0.message) })
        problem.detail = "the score sheet was not imported and nothing was stored: " + (problems.first?.description ?? "")
        return problem
    }
}
