import DebriefCore
import Foundation
import Testing

@testable import DebriefImport

@Suite("The import's JSON, written directly, is JSONText's")
struct ImportJSONTests {
    static var hostile: String {
        var text = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined()
        text += "\u{85}\u{A0}\u{2028}\u{2029}\u{FEFF}😀é/\\\"</script>"
        return text
    }

    static let awkward = ImportedQuestionSet(
        title: hostile, source: "a/b \"c\".html",
        sections: [
            ImportedSection(title: nil, level: nil, kind: nil, questions: []),
            ImportedSection(
                title: hostile, level: "experienced", kind: "technical",
                questions: [
                    ImportedQuestion(ordinal: 0, text: hostile, answer: nil, competencies: []),
                    ImportedQuestion(ordinal: 123_456, text: "Why?", answer: "<p>\(hostile)</p>", competencies: ["apis", "data-modelling"]),
                ]),
        ],
        skipped: [SkippedLine(text: hostile, reason: "a \"reason\"")], warnings: [hostile, ""])

    @Test("every fixture page", arguments: StreamedReadingTests.pages.filter { !$0.contains("no-questions") && !$0.contains("unusual-layout") })
    func fixtures(page: String) throws {
        let set = try ImportFixtures.extract(page, rubric: ImportFixtures.backendRubric)
        #expect(ImportedQuestionSet.json([set]) == (try JSONText.string(set)))
    }

    @Test("control characters, quotes, backslashes, Unicode, nulls, empty and nested lists")
    func awkwardValues() throws {
        #expect(ImportedQuestionSet.json([Self.awkward]) == (try JSONText.string(Self.awkward)))
    }

    @Test("several files are an array, none an empty one")
    func arrays() throws {
        let seed = try ImportFixtures.extract("backend-interview-questions.html")
        #expect(ImportedQuestionSet.json([seed, Self.awkward]) == (try JSONText.string([seed, Self.awkward])))
        #expect(ImportedQuestionSet.json([]) == (try JSONText.string([ImportedQuestionSet]())))
    }
}
