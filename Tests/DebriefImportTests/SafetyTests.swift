import DebriefImport
import Foundation
import Testing

@Suite("Imported text is safe and clean")
struct SafetyTests {
    @Test("no script, style, iframe, event handler, inline style or javascript: URL survives anywhere")
    func hostilePage() throws {
        let set = try ImportFixtures.extract("layouts/hostile.html")
        let questions = ImportFixtures.questions(set)
        #expect(questions.map(\.text) == ["What is XSS?", "How do you prevent SQL injection?", "What does <script> in an answer do to the page?"])
        // Question 3 talks about <script> in plain text, and its answer shows it escaped: both are safe, so leave them out here.
        let everything = ([set.title] + questions.prefix(2).flatMap { [$0.text, $0.answer ?? ""] } + set.sections.compactMap(\.title))
            .joined(separator: "\n").lowercased()
        for banned in [
            "<script", "alert(", "onerror", "onclick", "onmouseover", "onload", "javascript:", "style=", "<iframe", "<object", "<embed", "<svg",
            "<form", "<img", "data:text", "evil.example", "href=\"/relative\"",
        ] {
            #expect(!everything.contains(banned), "\(banned) survived")
        }
        let xss = try #require(questions.first?.answer)
        #expect(xss.contains("<a href=\"https://owasp.org/www-community/attacks/xss/\" rel=\"nofollow noopener noreferrer\">read OWASP</a>"))
        #expect(questions[2].answer == "<p>Nothing, once it is escaped: &lt;script&gt;alert(10)&lt;/script&gt;</p>")
        #expect(!questions.contains { $0.text.contains("commented-out") })
    }

    @Test("a page that declares windows-1252 is decoded as windows-1252")
    func windows1252() throws {
        let set = try ImportFixtures.extract("layouts/windows-1252.html")
        #expect(set.title == "Fragen für Entwickler")
        #expect(set.sections.first?.title == "Grundlagen – Teil 1")
        #expect(ImportFixtures.questions(set).map(\.text) == ["Was ist ein „Deadlock“?", "Wie funktioniert die Müllabfuhr (Garbage Collection)?"])
    }

    @Test("German and Japanese questions are found, and text is normalised to NFC")
    func multilingual() throws {
        let set = try ImportFixtures.extract("layouts/multilingual.html")
        let texts = ImportFixtures.questions(set).map(\.text)
        #expect(texts.contains("Erklären Sie das Prinzip der Idempotenz."))
        #expect(texts.contains("データベースのインデックスとは何ですか？"))
        let composed = try #require(texts.first { $0.hasPrefix("Was bedeutet") })
        #expect(composed == "Was bedeutet Caf\u{E9} auf Deutsch?")
        #expect(composed.unicodeScalars.count == "Was bedeutet Café auf Deutsch?".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test("a fragment without a charset is read as UTF-8, with a warning")
    func fragment() throws {
        let data = Data("<ul><li>Wie würden Sie das testen?</li><li>Was ist Äquivalenz?</li></ul>".utf8)
        let set = try QuestionSetImporter().extract(data, source: "paste")
        #expect(ImportFixtures.questions(set).map(\.text) == ["Wie würden Sie das testen?", "Was ist Äquivalenz?"])
        #expect(set.warnings.contains { $0.contains("read as UTF-8") })
        #expect(set.title == "paste")
    }

    @Test("white space, no-break spaces and entities are normalised")
    func whitespace() throws {
        let data = Data("<ol><li>  What&nbsp;is\n\t a   <code>&lt;div&gt;</code>&#8203;?  </li></ol>".utf8)
        #expect(ImportFixtures.questions(try QuestionSetImporter().extract(data, source: "paste")).first?.text == "What is a <div>?")
    }

    @Test("answers keep curly quotes, dashes and accents as they are, and still collapse, escape and compose")
    func answerText() throws {
        let page =
            "<h3>What is an ETag?</h3><p>A “tag”  —\n  caf&eacute; &amp; <b>na\u{EF}ve</b> &lt;x&gt; 🚀</p>"
            + "<h3>What is NFC?</h3><p>Cafe\u{301}\u{A0}au  lait, “e\u{301}”</p>"
        let answers = ImportFixtures.questions(try QuestionSetImporter().extract(Data(page.utf8), source: "paste")).map(\.answer)
        #expect(answers.first == "<p>A “tag” — café &amp; <strong>naïve</strong> &lt;x&gt; 🚀</p>")
        let composed = try #require(answers.last ?? nil)
        #expect(Array(composed.unicodeScalars) == Array("<p>Café au lait, “é”</p>".unicodeScalars), "\(composed.debugDescription)")
    }
}

@Suite("Bad input gets a clear error")
struct BadInputTests {
    @Test("empty, binary, question-less and oversized input")
    func refusals() throws {
        let importer = QuestionSetImporter(sizeLimit: 1_000)
        #expect(throws: ImportError.empty(source: "empty.html")) { try importer.extract(Data(), source: "empty.html") }
        #expect(throws: ImportError.binary(source: "photo.jpg")) {
            try importer.extract(Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A]), source: "photo.jpg")
        }
        #expect(throws: ImportError.noQuestions(source: "about.html")) {
            try QuestionSetImporter().extract(ImportFixtures.data("layouts/no-questions.html"), source: "about.html")
        }
        #expect(throws: ImportError.tooLarge(source: "big.html", bytes: 2_000, limit: 1_000)) {
            try importer.extract(Data(repeating: 0x61, count: 2_000), source: "big.html")
        }
        #expect(ImportError.noQuestions(source: "x").description.contains("--question-xpath"))
    }
}

/// A hostile page must never take the importer down: the stack once ran out on deep nesting.
@Suite("Deeply nested pages")
struct DeepNestingTests {
    static func nested(_ depth: Int, tag: String = "div") -> Data {
        Data(
            ("<html><body><h2>Q1. What is deep?</h2>" + String(repeating: "<\(tag)>", count: depth) + "<p>deep answer</p>"
                + String(repeating: "</\(tag)>", count: depth) + "<h2>Q2. What is shallow?</h2><p>near the top</p></body></html>").utf8)
    }

    @Test("100,000 nested elements import without crashing, with a warning", arguments: ["div", "span", "b", "blockquote"])
    func deep(tag: String) throws {
        let set = try QuestionSetImporter().extract(Self.nested(100_000, tag: tag), source: "nested.html")
        #expect(set.sections.flatMap(\.questions).map(\.text) == ["What is deep?", "What is shallow?"])
        #expect(set.warnings.contains { $0.contains("nests elements more than 256 deep") })
    }

    @Test("the XPath path walks deep pages too (libxml2's own tree stops at its depth limit, without crashing)")
    func deepXPath() throws {
        let set = try QuestionSetImporter(overrides: XPathOverrides(question: "//h2")).extract(Self.nested(100_000), source: "nested.html")
        #expect(set.sections.flatMap(\.questions).map(\.text).first == "What is deep?")
    }

    @Test("pages within the limit import as before, with no warning")
    func withinLimit() throws {
        let set = try QuestionSetImporter().extract(Self.nested(200), source: "nested.html")
        #expect(set.sections.flatMap(\.questions).first?.answer == "<p>deep answer</p>")
        #expect(!set.warnings.contains { $0.contains("nests") })
    }
}
