import DebriefCore
import Foundation
import GRDB

/// A row of `question_set`; its questions live in `question`.
struct QuestionSetRecord: StoredRecord {
    static let databaseTableName = "question_set"
    var id: Int64?
    var title: String
    var source: String
    var contentHash: String
    var version: Int
    var importedAt: Date

    init(_ set: QuestionSet) {
        id = set.id
        title = set.title
        source = set.source
        contentHash = set.contentHash
        version = set.version
        importedAt = set.importedAt.storedPrecision
    }

    func domain(questions: [Question]) throws -> QuestionSet {
        try QuestionSet(
            id: id, title: title, source: source, contentHash: contentHash, version: version, importedAt: importedAt,
            questions: questions)
    }
}
