import DebriefCore
import Foundation

extension ImportedQuestionSet {
    /// The set as the question bank stores it, with the page's content hash as its identity.
    public func questionSet(contentHash: String, importedAt: Date = Date()) throws(FieldError) -> QuestionSet {
        var questions: [Question] = []
        for section in sections {
            for question in section.questions {
                questions.append(
                    try Question(
                        ordinal: question.ordinal, text: question.text, answerHTML: question.answer, section: section.title, level: section.level,
                        kind: section.kind.flatMap(QuestionKind.init(rawValue:)), competencies: question.competencies, title: question.title))
            }
        }
        return try QuestionSet(title: title, source: source, contentHash: contentHash, importedAt: importedAt, questions: questions)
    }

    /// `sha256:` and the hex digest of the page's bytes.
    public static func contentHash(of data: Data) -> String {
        "sha256:" + SHA256.hex(of: [UInt8](data))
    }
}
