import DebriefCore
import DebriefImport
import DebriefStore
import Foundation

/// A page to import: its bytes and where they came from.
public struct PageUpload: Sendable {
    public var data: Data
    /// The file's path, or nil for a pasted fragment.
    public var path: String?
    /// The name the person gave the set, if any.
    public var name: String?

    public init(data: Data, path: String?, name: String?) {
        self.data = data
        self.path = path
        self.name = name
    }
}

/// What importing a page did (or, for a preview, would do).
public enum PageImportOutcome: Sendable {
    /// A dry run: what the page holds; nothing was stored.
    case preview(ImportedQuestionSet)
    /// Stored as a new set, or as the next version of its set.
    case stored(ImportedQuestionSet, QuestionSet)
    /// The same content from the same source is in the bank already; nothing was added.
    case unchanged(ImportedQuestionSet, QuestionSet)

    public var found: ImportedQuestionSet {
        switch self {
        case .preview(let found), .stored(let found, _), .unchanged(let found, _): found
        }
    }
}

extension DebriefService {
    /// An importer mapping to `rubricID`'s competencies (when given), with XPath overrides.
    public func importer(rubricID: String?, overrides: XPathOverrides?) throws -> QuestionSetImporter {
        QuestionSetImporter(rubric: try rubricID.map { try rubric($0) }, overrides: overrides)
    }

    /// The XPath overrides of a saved profile.
    public func importProfile(named name: String) async throws -> XPathOverrides {
        let saved = try await database.importProfile(named: name)
        return XPathOverrides(section: saved.sectionXPath, question: saved.questionXPath, answer: saved.answerXPath)
    }

    /// Saves overrides under a name for later imports of the same site.
    public func saveImportProfile(_ overrides: XPathOverrides, named name: String, by principal: Principal) async throws {
        guard let question = overrides.question else { throw FieldError(field: "question xpath", "a profile needs a question XPath") }
        try await database.saveImportProfile(
            ImportProfile(name: name, sectionXPath: overrides.section, questionXPath: question, answerXPath: overrides.answer), by: principal)
    }

    /// Reads a page and, unless `preview`, keeps it in the bank in one transaction: the same content
    /// from the same source adds nothing, changed content is the source's next version.
    public func importPage(
        _ page: PageUpload, with importer: QuestionSetImporter, preview: Bool, by principal: Principal
    ) async throws -> PageImportOutcome {
        try require(.managePipeline, principal)
        // The page's hash (its identity in the bank) is worked out while the page is read.
        async let contentHash = preview ? "" : ImportedQuestionSet.contentHash(of: page.data)
        let found = try await heavyWork.run("import", estimatedBytes: HeavyWorkLimits.importBytes(pageBytes: page.data.count)) {
            try Self.named(importer.extract(page.data, source: page.path ?? "pasted text"), page: page)
        }
        guard !preview else { return .preview(found) }
        let set = try found.questionSet(contentHash: await contentHash)
        switch try await database.importQuestionSet(set, by: principal) {
        case .stored(let stored):
            ServiceMetrics.pageImported(outcome: "stored")
            return .stored(found, stored)
        case .unchanged(let existing):
            ServiceMetrics.pageImported(outcome: "unchanged")
            return .unchanged(found, existing)
        }
    }

    /// A set's identity (`source`) and title: the name the person gave, else the file's path, else a
    /// pasted page's own `<title>`. A paste with neither is refused, so unrelated pastes never become
    /// versions of one set.
    static func named(_ found: ImportedQuestionSet, page: PageUpload) throws -> ImportedQuestionSet {
        var named = found
        if let name = page.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            named.title = name
            named.source = name
        } else if page.path == nil {
            guard let title = found.pageTitle else { throw ServiceError.unnamedPaste }
            named.source = "pasted: \(title)"
        }
        return named
    }
}

extension DebriefService {
    /// The question bank searched: full text over questions and answers, with filters.
    public func searchQuestions(_ query: QuestionQuery, by principal: Principal) async throws -> QuestionSearchResult {
        try require(.managePipeline, principal)
        return try await database.searchQuestions(query)
    }

    /// Every question set, newest first, with its number of questions.
    public func questionSets(by principal: Principal) async throws -> [QuestionSetSummary] {
        try require(.managePipeline, principal)
        return try await database.questionSetSummaries()
    }
}
