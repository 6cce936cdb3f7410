import DebriefImport
import Foundation
import Testing

/// Emphasis, code and links stay inside the line they are written in, with the spaces around them.
@Suite("Inline markup stays inline in answers")
struct InlineMarkupTests {
    static func answers(_ html: String) throws -> [String?] {
        let set = try QuestionSetImporter().extract(Data(html.utf8), source: "inline.html")
        return set.sections.flatMap(\.questions).map(\.answer)
    }

    @Test(
        "answers written as loose text and phrasing elements are one paragraph, exactly",
        arguments: [
            (
                "<table><tr><th>Question</th><th>Answer</th></tr><tr><td>What is a race?</td><td>Two threads and the <em>result</em> depends, "
                    + "<strong>always</strong> <code>x</code>.<ul><li>a</li></ul>tail</td></tr></table>",
                "<p>Two threads and the <em>result</em> depends, <strong>always</strong> <code>x</code>.</p><ul><li>a</li></ul><p>tail</p>"
            ),
            (
                "<h3>What is Y?</h3><div>Plain <strong>bold</strong> text and <a href=\"https://x.org/a\">a link</a>.</div><h3>What is Z?</h3><p>ok</p>",
                "<p>Plain <strong>bold</strong> text and <a href=\"https://x.org/a\" rel=\"nofollow noopener noreferrer\">a link</a>.</p>"
            ),
            (
                "<h3>What is X?</h3><p>Some <em>unclosed emphasis<p>Next paragraph</p>",
                "<p>Some <em>unclosed emphasis</em></p><p>Next paragraph</p>"
            ),
            (
                "<h3>What is W?</h3><p>It is <em>bad and <strong>worse</p><p>More text.</p>",
                "<p>It is <em>bad and <strong>worse</strong></em></p><p>More text.</p>"
            ),
        ])
    func inlineRuns(html: String, answer: String) throws {
        #expect(try Self.answers(html).first == answer)
    }

    @Test("a bold word inside a line is neither a section heading nor a question")
    func boldInsideALine() throws {
        let set = try QuestionSetImporter().extract(
            Data("<h3>What is Y?</h3><div>Use <strong>idempotency keys</strong> for retries.</div><h3>What is Z?</h3><p>ok</p>".utf8),
            source: "bold.html")
        #expect(set.sections.count == 1 && set.sections[0].questions.map(\.text) == ["What is Y?", "What is Z?"])
    }
}
