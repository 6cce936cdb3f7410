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

    /// The columns, written out: a large imported set spent a fifth of its storing time in
    /// `Codable`'s key-by-key snake-casing.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["set_id"] = setId
        container["ordinal"] = ordinal
        container["text"] = text
        container["answer_html"] = answerHtml
        container["section"] = section
        container["level"] = level
        container["kind"] = kind
        container["tags"] = tags
        container["competencies"] = competencies
        container["title"] = title
        // What full-text search indexes of the answer (see QuestionSearchBySetMigration).
        container["answer_text"] = answerHtml.map(HTMLEscape.plainText(ofSanitised:))
    }

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
