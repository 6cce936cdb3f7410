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

    init(_ question: Question, setID: Int64) throws {
        id = question.id
        self.setId = setID
        ordinal = question.ordinal
        text = question.text
        answerHtml = question.answerHTML
        section = question.section
        level = question.level
        kind = question.kind?.rawValue
        tags = String(decoding: try JSONEncoder().encode(question.tags), as: UTF8.self)
        competencies = String(decoding: try JSONEncoder().encode(question.competencies), as: UTF8.self)
    }

    func domain() throws -> Question {
        let tagList = try JSONDecoder().decode([String].self, from: Data(tags.utf8))
        let competencyList = try JSONDecoder().decode([String].self, from: Data(competencies.utf8))
        return try Question(
            id: id, setID: setId, ordinal: ordinal, text: text, answerHTML: answerHtml, section: section, level: level,
            kind: kind.flatMap(QuestionKind.init(rawValue:)), tags: tagList, competencies: competencyList)
    }
}
