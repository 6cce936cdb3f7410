import DebriefImport
import Foundation
import Testing

/// The public question sets in Fixtures/questionsets/real, against the questions a careful reader counts.
@Suite("Real question sets: precision and recall")
struct RealQuestionSetTests {
    struct Truth: Decodable {
        struct Entry: Decodable { let question: String }
        let questions: [Entry]
        let subItems: [Entry]?
        private enum CodingKeys: String, CodingKey { case questions, subItems = "sub_items" }
    }

    static let pages: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: ImportFixtures.folder.appendingPathComponent("real").path)) ?? []
        return files.filter { $0.hasSuffix(".gfm.html") }.sorted()
    }()

    /// Compared without a "Question:" label, white space or case.
    static func key(_ text: String) -> String {
        var text = text.precomposedStringWithCanonicalMapping
        if let range = text.range(of: #"^\s*(question|q)\s*:\s*"#, options: [.regularExpression, .caseInsensitive]) { text.removeSubrange(range) }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    @Test("there are pages to measure")
    func pagesExist() {
        #expect(Self.pages.count == 11)
    }

    @Test("each page is read with precision and recall of at least 0.95", arguments: pages)
    func measure(page: String) throws {
        let truthURL = ImportFixtures.folder.appendingPathComponent("real/" + page.replacingOccurrences(of: ".gfm.html", with: ".json"))
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthURL))
        var expected = (truth.questions + (truth.subItems ?? [])).map { Self.key($0.question) }
        let found = ImportFixtures.questions(try ImportFixtures.extract("real/" + page)).map { Self.key($0.text) }
        var hits = 0
        for text in found {
            if let index = expected.firstIndex(of: text) {
                expected.remove(at: index)
                hits += 1
            }
        }
        let total = truth.questions.count + (truth.subItems?.count ?? 0)
        let precision = Double(hits) / Double(max(found.count, 1)), recall = Double(hits) / Double(max(total, 1))
        print(
            "importer precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) (\(hits) of \(total) found, \(found.count) extracted): \(page)"
        )
        #expect(precision >= 0.95, "missed or extra: \(expected.prefix(5))")
        #expect(recall >= 0.95, "not found: \(expected.prefix(5))")
    }

    @Test("the page title is not taken as a section of h5bp pages, and MDX noise stays out of yangshun's")
    func traps() throws {
        let h5bp = try ImportFixtures.extract("real/h5bp__frontend__src_questions__html-questions.gfm.html")
        #expect(h5bp.sections.map(\.title) == [nil])
        let yangshun = try ImportFixtures.extract("real/yangshun__tih__final-questions.gfm.html")
        let texts = ImportFixtures.questions(yangshun).map(\.text)
        #expect(!texts.contains { $0.contains("import ") || $0.contains("og:image") })
        #expect(yangshun.sections.count == 5)
    }
}
