import DebriefImport
import Testing

@Suite("Layouts the importer understands without configuration")
struct LayoutTests {
    @Test("numbered lists under headings, honouring <ol start> and value, with nested follow-ups; TOC and tips left out")
    func orderedLists() throws {
        let set = try ImportFixtures.extract("layouts/ordered-lists.html")
        #expect(set.sections.map(\.title) == ["Kubernetes (experienced)", "On-call and incidents"])
        #expect(set.sections[0].level == "experienced")
        let kubernetes = set.sections[0].questions
        #expect(kubernetes.map(\.ordinal) == [5, 5, 6, 9])
        #expect(kubernetes[1].text == "How would you find out which container was killed?")
        #expect(set.skipped.map(\.reason).filter { $0.contains("table of contents") }.count == 2)
        #expect(set.skipped.contains { $0.text == "Give the candidate time to think before hinting." })
        #expect(!ImportFixtures.questions(set).contains { $0.text.contains("Home") || $0.text.contains("Example Corp") })
    }

    @Test("<details><summary>: the summary is the question, the rest its answer")
    func details() throws {
        let questions = ImportFixtures.questions(try ImportFixtures.extract("layouts/details-summary.html"))
        #expect(questions.map(\.text) == ["What is an index?", "When would you denormalise a schema?", "What does ACID stand for?"])
        #expect(questions[1].answer == "<p>When reads dominate and joins are the bottleneck.</p><ul><li>Reporting tables</li><li>Caches</li></ul>")
        #expect(questions[2].answer == "<p>Atomicity, consistency, isolation, durability.</p>")
    }

    @Test("tables with a question column, and answer and level columns; other tables ignored")
    func tables() throws {
        let set = try ImportFixtures.extract("layouts/table-questions.html")
        let questions = ImportFixtures.questions(set)
        #expect(questions.map(\.text) == ["What is a race condition?", "How do you make an operation idempotent?", "Describe eventual consistency."])
        #expect(questions[0].answer == "<p>Two threads touch shared state and the <em>result</em> depends on timing.</p>")
        #expect(questions[2].answer == nil)
        #expect(set.warnings.contains { $0.contains("1 of 3 questions have no model answer") })
    }

    @Test("definition lists of questions; a glossary is not questions")
    func definitionLists() throws {
        let set = try ImportFixtures.extract("layouts/definition-list.html")
        #expect(
            ImportFixtures.questions(set).map(\.text) == [
                "Tell me about a time you disagreed with your manager.", "What do you do when you are blocked?",
            ])
        #expect(set.sections.first?.kind == "behavioural")
        #expect(ImportFixtures.questions(set)[1].answer == "<p>Ask early; propose options.</p>")
    }

    @Test("bold paragraphs exported from word processors: 1) numbering kept as the ordinal, bold titles as sections")
    func wordExport() throws {
        let set = try ImportFixtures.extract("layouts/word-export.html")
        #expect(set.sections.map(\.title) == ["Section A: Fundamentals"])
        let questions = ImportFixtures.questions(set)
        #expect(questions.map(\.ordinal) == [1, 2, 3])
        #expect(
            questions.map(\.text) == [
                "What is the difference between a process and a thread?", "Why is immutability useful?", "Explain back-pressure.",
            ])
        #expect(questions[1].answer == "<p>It removes a whole class of data races.</p><p>It also makes caching safe.</p>")
    }

    @Test("'Question:' paragraphs with code after them")
    func questionLabels() throws {
        let questions = ImportFixtures.questions(try ImportFixtures.extract("real/h5bp__frontend__src_questions__coding-questions.gfm.html"))
        #expect(questions.first?.text == "What is the value of foo?")
        #expect(questions.first?.answer == "<pre><code>var foo = 10 + &#39;20&#39;;\n</code></pre>")
    }

    @Test("XPath overrides read a layout the importer does not know, and can be wrong with a clear error")
    func xpathOverrides() throws {
        #expect(throws: ImportError.noQuestions(source: "layouts/unusual-layout.html")) { try ImportFixtures.extract("layouts/unusual-layout.html") }
        let overrides = XPathOverrides(
            section: "//div[@class='group-name']", question: "//div[@class='prompt']", answer: "following-sibling::div[@class='hint']")
        let set = try ImportFixtures.extract("layouts/unusual-layout.html", overrides: overrides)
        #expect(set.sections.map(\.title) == ["Networking", "Storage"])
        #expect(set.sections.map(\.questions.count) == [2, 1])
        #expect(
            set.sections[1].questions[0].answer == "<p>Read against write amplification.</p>"
                || set.sections[1].questions[0].answer == "Read against write amplification.")
        #expect(throws: ImportError.badXPath(option: "--question-xpath", expression: "//div[")) {
            try ImportFixtures.extract("layouts/unusual-layout.html", overrides: XPathOverrides(question: "//div["))
        }
    }
}
