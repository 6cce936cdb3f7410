import Foundation

/// A group of questions imported together from one source.
public struct QuestionSet: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var title: String
    /// Where the questions came from: a file name, a URL or `stdin`.
    public var source: String
    /// A hash of the imported content, so importing the same page twice adds nothing.
    public var contentHash: String
    /// 1 for the first import of a source; a changed page becomes the next version.
    public var version: Int
    public var importedAt: Date
    public var questions: [Question]

    public init(
        id: Int64? = nil, title: String, source: String, contentHash: String, version: Int = 1,
        importedAt: Date = Date(), questions: [Question] = []
    ) throws(FieldError) {
        guard version >= 1 else { throw FieldError(field: "version", "must be 1 or more, not \(version)") }
        guard !contentHash.isEmpty else { throw FieldError(field: "content hash", "must not be empty") }
        self.id = id
        self.title = try Text.required(title, field: "title", maxLength: 300)
        self.source = try Text.required(source, field: "source", maxLength: 2_000)
        self.contentHash = contentHash
        self.version = version
        self.importedAt = importedAt
        self.questions = questions
    }
}
