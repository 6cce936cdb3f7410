import DebriefImport
import Testing

@Suite("The seed page: a blog post with a heading per question")
struct SeedPageTests {
    let set = try! ImportFixtures.extract("backend-interview-questions.html", rubric: ImportFixtures.backendRubric)
    var questions: [ImportedQuestion] { ImportFixtures.questions(set) }

    @Test("40 questions in four sections of ten, numbered 1 to 40 with the Q prefix stripped")
    func shape() {
        #expect(set.title == "Backend Developer Interview Questions: For Entry-Level & Experienced Candidates")
        #expect(set.sections.map(\.questions.count) == [10, 10, 10, 10])
        #expect(questions.map(\.ordinal) == Array(1...40))
        #expect(questions[0].text == "What is the role of a backend developer?")
        #expect(questions[39].text == "Why do you want to work here?")
        #expect(!questions.contains { $0.text.hasPrefix("Q") && $0.text.dropFirst().first?.isNumber == true })
    }

    @Test("sections carry their level and kind")
    func sections() {
        #expect(
            set.sections.map(\.title) == [
                "i. Basic Backend Development Interview Questions", "ii. Backend Developer Interview Questions for Freshers",
                "iii. Backend Developer Interview Questions for Experienced", "iv. HR Interview Questions for Backend Development Job",
            ])
        #expect(set.sections.map(\.level) == ["entry", "fresher", "experienced", nil])
        #expect(set.sections[3].kind == "behavioural")
    }

    @Test("every answer is present, without its 'Answer:' label, and bullet lists inside answers are kept")
    func answers() throws {
        #expect(questions.allSatisfy { $0.answer != nil })
        #expect(!questions.contains { $0.answer!.contains("Answer:") })
        let rest = try #require(questions.first { $0.ordinal == 11 }?.answer)
        #expect(rest.hasPrefix("<p>A REST API"))
        #expect(rest.components(separatedBy: "<li>").count - 1 == 7)
        #expect(rest.contains("<strong>Statelessness:</strong>"))
    }

    @Test("Pro Tip asides, the tips list, related posts and the footer stay out of the bank")
    func exclusions() {
        let everything = questions.map { $0.text + ($0.answer ?? "") }.joined(separator: "\n")
        for banned in [
            "Pro Tip", "Master the Fundamentals", "Related posts", "Copyright", "Backend developer roadmap", "window.dataLayer", "Conclusion",
        ] {
            #expect(!everything.contains(banned), "\(banned) leaked into the bank")
        }
        #expect(set.skipped.filter { $0.text.hasPrefix("Pro Tip") }.count == 4)
        #expect(set.skipped.contains { $0.text.hasPrefix("Master the Fundamentals") })
    }

    @Test("questions map to the rubric's competencies by keyword")
    func competencies() {
        #expect(questions.first { $0.ordinal == 12 }?.competencies.first == "databases")
        #expect(questions.first { $0.ordinal == 16 }?.competencies == ["apis-http"])
        #expect(questions.first { $0.ordinal == 21 }?.competencies.first == "system-design")
        #expect(questions.first { $0.ordinal == 34 }?.competencies == ["communication"])
        let unmapped = try! ImportFixtures.extract("backend-interview-questions.html")
        #expect(ImportFixtures.questions(unmapped).allSatisfy { $0.competencies.isEmpty })
    }
}
