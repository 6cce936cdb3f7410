import DebriefCore
import Foundation
import GRDB

/// A row of `question`. Tags are a JSON array of strings.
struct QuestionRecord: StoredRecord {
    static let databaseTableName = "question"
    var id: Int64?
    var setId: Int64
    var ordinal: Int
    var text: String
    var answerHtml: String?
    var section: String?
    var level: String?
    var kind: String?
    var tags: String
    var competencies: String
    var title: String?

    init(_ question: Question, setID: Int64) throws {
        title = question.title
        id = question.id
        self.setId = setID
        ordinal = question.ordinal
        text = question.text
        answerHtml = question.answerHTML
        section = question.section
        level = question.level
        kind = question.kind?.rawValue
        tags = try Self.jsonList(question.tags)
        competencies = try Self.jsonList(question.competencies)
    }

    /// The columns a row is written with, in `values`' order.
    static let columns = [
        "id", "set_id", "ordinal", "text", "answer_html", "section", "level", "kind", "tags", "competencies", "title",
        // What full-text search indexes of the answer (see QuestionSearchBySetMigration).
        "answer_text",
    ]

    /// The row's values for `columns`, written out: a large imported set spent a fifth of its
    /// storing time in `Codable`'s key-by-key snake-casing.
    var values: [(any DatabaseValueConvertible)?] {
        [id, setId, ordinal, text, answerHtml, section, level, kind, tags, competencies, title, answerHtml.map(HTMLEscape.plainText(ofSanitised:))]
    }

    func encode(to container: inout PersistenceContainer) {
        for (column, value) in zip(Self.columns, values) { container[column] = value }
    }

    /// Inserts one row: prepared once and run for every row of a set, it spares the record insert's
    /// SQL and arguments built anew for each row (a fifth of the storing time of 77,300 questions).
    static let insertSQL = StatementText.insert(into: databaseTableName, columns: columns)

    /// The row's values as `insertSQL`'s arguments.
    var insertArguments: StatementArguments { StatementArguments(values) }

    func domain() throws -> Question {
        let tagList = try Self.list(fromJSON: tags)
        let competencyList = try Self.list(fromJSON: competencies)
        return try Question(
            id: id, setID: setId, ordinal: ordinal, text: text, answerHTML: answerHtml, section: section, level: level,
            kind: kind.flatMap(QuestionKind.init(rawValue:)), tags: tagList, competencies: competencyList, title: title)
    }

    /// A list as the JSON array stored in a column. Most lists are empty: no JSON coder for those.
    private static func jsonList(_ list: [String]) throws -> String {
        list.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
    }

    private static func list(fromJSON json: String) throws -> [String] {
        json == "[]" ? [] : try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
