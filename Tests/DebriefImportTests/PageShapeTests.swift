import DebriefCore
import DebriefImport
import Foundation
import Testing

/// Page shapes common on real sites (Fixtures/questionsets/shapes, written by its make-shapes.py):
/// each against its true question list, with precision, recall and sections printed.
@Suite("Page shapes: titled questions, answers in list items, tables of contents and back-to-top links")
struct PageShapeTests {
    static let pages = [
        "shapes/contents-table.html", "shapes/back-to-top-headings.html", "shapes/titled-questions.html", "shapes/answers-in-list-items.html",
    ]

    struct Truth: Decodable {
        struct Entry: Decodable {
            let section: String?
            let question: String
            let title: String?
        }
        let questions: [Entry]
    }

    @Test("each shape is read with precision and recall of at least 0.95, every question in its own section", arguments: pages)
    func measure(page: String) throws {
        let truth = try JSONDecoder().decode(Truth.self, from: ImportFixtures.data(page.replacingOccurrences(of: ".html", with: ".json")))
        let set = try ImportFixtures.extract(page)
        let found = set.sections.flatMap { section in section.questions.map { (section: section.title, text: $0.text, title: $0.title) } }
        var expected = truth.questions.map { RealQuestionSetTests.key($0.question) }
        var hits = 0
        for entry in found {
            if let index = expected.firstIndex(of: RealQuestionSetTests.key(entry.text)) {
                expected.remove(at: index)
                hits += 1
            }
        }
        let precision = Double(hits) / Double(max(found.count, 1)), recall = Double(hits) / Double(truth.questions.count)
        let sectionsRight = zip(found, truth.questions).filter { $0.0.section == $0.1.section }.count
        print(
            "importer precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) sections \(sectionsRight) of \(truth.questions.count) (\(found.count) extracted): \(page)"
        )
        #expect(precision >= 0.95 && recall >= 0.95, "not found: \(expected.prefix(3))")
        #expect(sectionsRight == truth.questions.count, "sections: \(Set(found.map { $0.section ?? "none" }).sorted())")
        let titlesRight = zip(found, truth.questions).filter { $0.0.title == $0.1.title }.count
        #expect(titlesRight == truth.questions.count, "titles: \(found.prefix(3).map(\.title))")
        #expect(!set.skipped.contains { $0.reason.contains("in-page link") } || page.contains("back-to-top") || page.contains("contents"))
        #expect(set.warnings.allSatisfy { !$0.contains("table of contents") }, "\(set.warnings)")
    }

    /// Every fixture with questions, wrapped as popular pages wrap theirs.
    static let fixtures: [String] = {
        let layouts = ((try? FileManager.default.contentsOfDirectory(atPath: ImportFixtures.folder.appendingPathComponent("layouts").path)) ?? [])
            .filter { $0.hasSuffix(".html") && $0 != "no-questions.html" && $0 != "windows-1252.html" }.map { "layouts/" + $0 }
        return (layouts + RealQuestionSetTests.pages.map { "real/" + $0 } + ["backend-interview-questions.html"]).sorted()
    }()

    @Test("wrapping a page's questions in a table of contents and back-to-top links changes nothing that is imported", arguments: fixtures)
    func navigationChangesNothing(page: String) throws {
        // Pages the importer needs XPath overrides for (or refuses) have nothing to keep unchanged.
        guard let original = try? ImportFixtures.extract(page) else { return }
        var html = String(decoding: try ImportFixtures.data(page), as: UTF8.self)
        let questions = ImportFixtures.questions(original)
        let rows = questions.prefix(40).enumerated().map { index, question in
            let text = question.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return "<tr><td>\(index + 1)</td><td><a href=\"#q\(index + 1)\">\(text)</a></td></tr>"
        }
        let contents = "<table><tr><th>#</th><th>Question</th></tr>" + rows.joined() + "</table>"
        let back = "<p><a href=\"#top\">⬆ Back to Top</a></p>"
        for tag in ["<h2", "<h3", "<H2", "<H3"] { html = html.replacingOccurrences(of: tag, with: back + tag) }
        if let body = html.range(of: "<body[^>]*>", options: .regularExpression) {
            html.insert(contentsOf: contents, at: body.upperBound)
        } else {
            html = contents + html
        }
        let wrapped = try QuestionSetImporter().extract(Data(html.utf8), source: page)
        #expect(ImportFixtures.questions(wrapped).map(\.text) == questions.map(\.text))
        #expect(wrapped.sections.map(\.title) == original.sections.map(\.title))
    }

    @Test("a page whose table of contents and body disagree says so in its warnings")
    func contentsDisagree() throws {
        let links = (1...30).map { "<li><a href=\"#q\($0)\">Question \($0)</a></li>" }.joined()
        let body = (1...70).map { "<h3>What is concept number \($0) about?</h3><p>An answer.</p>" }.joined()
        let set = try QuestionSetImporter().extract(Data(("<h2>Contents</h2><ul>" + links + "</ul>" + body).utf8), source: "disagree.html")
        #expect(ImportFixtures.questions(set).count == 70)
        #expect(set.warnings.contains { $0.contains("table of contents lists 30 entries but 70 questions") }, "\(set.warnings)")
    }

    @Test("each section says which layout it was read in; a section that mixes layouts, or many lines left out, is a warning")
    func layoutsAndDoubts() throws {
        let shapes = try Self.pages.map { try ImportFixtures.extract($0) }
        #expect(
            shapes.map { Set($0.sections.flatMap(\.layouts)) } == [
                ["question-headings"], ["question-headings"], ["titled-questions", "question-headings"], ["answered-list-items"],
            ])
        #expect(shapes.allSatisfy { $0.warnings.allSatisfy { !$0.contains("mix layouts") && !$0.contains("left out beside") } })
        let mixed =
            "<h2>Mixed</h2><details><summary>What is a mutex?</summary><p>A lock.</p></details><ul><li>What is a semaphore?</li><li>What is a monitor?</li></ul>"
        let read = try QuestionSetImporter().extract(Data(mixed.utf8), source: "mixed.html")
        #expect(read.sections.first?.layouts == ["details", "question-list"])
        #expect(read.warnings.contains { $0.contains("1 section mix layouts ('Mixed': details, question-list)") }, "\(read.warnings)")
        let doubtful = "<h3>What is a mutex?</h3><p>A lock.</p>" + (1...12).map { "<p>Is rule \($0) a question?</p>" }.joined()
        let doubts = try QuestionSetImporter().extract(
            Data(("<h2>Notes</h2>" + (1...12).map { "<p>Is note \($0) a question?</p>" }.joined() + doubtful).utf8), source: "doubt.html")
        #expect(doubts.warnings.contains { $0.contains("lines were left out beside") }, "\(doubts.warnings) \(doubts.skipped.count)")
    }

    @Test("a multiple-choice quiz keeps each question's options with it, and a page of prose is still no questions")
    func quizzesAndProse() throws {
        let quiz =
            "<h2>Quiz</h2>"
            + (1...30).map { "<h4>Q\($0). Which status code is number \($0)?</h4><ul><li>200</li><li>304</li><li>429</li></ul>" }.joined()
        let set = try QuestionSetImporter().extract(Data(quiz.utf8), source: "quiz.html")
        let questions = ImportFixtures.questions(set)
        #expect(questions.count == 30 && questions.allSatisfy { $0.answer == "<ul><li>200</li><li>304</li><li>429</li></ul>" })
        #expect(questions.map(\.ordinal) == Array(1...30) && set.sections.first?.layouts == ["question-headings"])
        let prose =
            "<h2>Our interview process</h2>" + (1...20).map { "<h3>Part \($0)</h3><p>We talk about the work, then about the team.</p>" }.joined()
        #expect(throws: ImportError.self) { try QuestionSetImporter().extract(Data(prose.utf8), source: "prose.html") }
    }

    @Test("headings that open with a question word but state something (\"Why we interview\") are sections, not questions")
    func statementHeadings() throws {
        let asked = [
            "What is a deadlock?", "How does a B-tree index speed up a range query?", "Why would you choose UDP over TCP?",
            "When is a cache harmful?",
        ]
        let page =
            "<h1>Interviewing at Example</h1><h2>Why we interview this way</h2><p>Structured interviews are fairer.</p>"
            + "<h2>How we score</h2><p>Each interviewer rates on its own.</p><h2>What you’ll be asked</h2>"
            + asked.map { "<h3>\($0)</h3><p>An answer that explains it in a sentence or two.</p>" }.joined()
            + "<h2>How you'll hear back</h2><p>Within a week, by email.</p>"
        let set = try QuestionSetImporter().extract(Data(page.utf8), source: "guide.html")
        #expect(ImportFixtures.questions(set).map(\.text) == asked)
        #expect(set.sections.map(\.title).contains("What you’ll be asked"), "\(set.sections.map(\.title))")
    }
}
