import Foundation
import Testing

@Suite("debrief import")
struct ImportCommandTests {
    let cli = try! CLIHarness()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/questionsets")
        .standardized.path
    let seed = ImportCommandTests.fixtures + "/backend-interview-questions.html"

    @Test("--dry-run --format json prints the documented shape and stores nothing")
    func dryRun() async throws {
        let result = await cli.run(["import", seed, "--dry-run", "--format", "json", "--rubric", "backend-engineer"])
        #expect(result.code == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["title", "source", "sections", "skipped", "warnings"])
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(Set(sections[0].keys) == ["title", "level", "kind", "questions", "layouts"])
        #expect(sections[0]["layouts"] as? [String] == ["question-headings"])
        #expect(sections[0]["kind"] is NSNull)
        let question = try #require((sections[0]["questions"] as? [[String: Any]])?.first)
        #expect(Set(question.keys) == ["ordinal", "text", "answer", "competencies", "title"])
        #expect(question["competencies"] as? [String] == ["fundamentals"])
        let skipped = try #require((json["skipped"] as? [[String: Any]])?.first)
        #expect(Set(skipped.keys) == ["text", "reason"])
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }

    @Test("--dry-run in text says how each section was read and shows a titled question's title")
    func dryRunText() async throws {
        let result = await cli.run(["import", ImportCommandTests.fixtures + "/shapes/titled-questions.html", "--dry-run"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("## Fundamentals  (read as titled-questions + question-headings)"))
        #expect(result.out.contains("  1. HTTP caching: What is HTTP caching?  [answer]"))
    }

    @Test("importing stores the set once; the same page again adds nothing and says so; a changed page is the next version")
    func versions() async throws {
        let first = await cli.run(["import", seed, "--rubric", "backend-engineer"])
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains("40 questions in 4 sections as set #1 v1"))
        let again = await cli.run(["import", seed])
        #expect(again.out.contains("already in the bank as set #1 v1; nothing added"))
        let changedPath = cli.directory.appendingPathComponent("backend-interview-questions.html").path
        var page = try String(contentsOfFile: seed, encoding: .utf8)
        page = page.replacingOccurrences(of: "Q40. Why do you want to work here?", with: "Q40. Why do you want to work with us?")
        try page.write(toFile: changedPath, atomically: true, encoding: .utf8)
        // another source (a copy elsewhere) is a set of its own
        let changed = await cli.run(["import", changedPath])
        #expect(changed.out.contains("40 questions in 4 sections as set #2 v1"), "\(changed.out)\(changed.err)")
        let bank = await cli.run(["questions", "list", "--format", "json"])
        let sets = try #require(try JSONSerialization.jsonObject(with: Data(bank.out.utf8)) as? [[String: Any]])
        #expect(sets.count == 2)
        #expect((sets[0]["questions"] as? [[String: Any]])?.count == 40)
        let databases = await cli.run(["questions", "list", "--set", "1", "--competency", "databases"])
        #expect(databases.out.contains("Explain the differences between SQL and NoSQL databases."))
        #expect(!databases.out.contains("Tell me about yourself."))
    }

    @Test("questions search finds words in questions and answers, with filters, and reads any input as words")
    func search() async throws {
        #expect(await cli.run(["import", seed, "--rubric", "backend-engineer"]).code == 0)
        let cap = await cli.run(["questions", "search", "CAP", "theorem"])
        #expect(cap.code == 0 && cap.out.hasPrefix("#28 ") && cap.out.contains("Explain the CAP theorem in distributed databases."), "\(cap.out)")
        let json = await cli.run(["questions", "search", "idempot", "--format", "json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(hits.count == 1 && (hits[0]["text"] as? String)?.contains("GET and POST") == true, "found through the answer's words")
        let filtered = await cli.run(["questions", "search", "database", "--competency", "apis-http"])
        #expect(filtered.code == 0 && !filtered.out.contains("CAP theorem"))
        let limited = await cli.run(["questions", "search", "--set", "1", "--limit", "3"])
        #expect(limited.out.contains("40 questions match; 3 shown."), "\(limited.out)")
        let syntax = await cli.run(["questions", "search", "\"AND", "NEAR(", "*"])
        #expect(syntax.code == 0 && syntax.out.contains("No question matches."))
        // "C++" is the word "c"; as a prefix it would match all 40 (every question has a word starting with c).
        let short = await cli.run(["questions", "search", "C++"])
        #expect(short.code == 0 && short.out.contains("No question matches."), "\(short.out)")
        #expect(await cli.run(["questions", "search", "api"]).out.contains("What is an API"), "three letters are still a prefix")
        #expect(await cli.run(["questions", "search", "x", "--limit", "0"]).code == 64)
    }

    @Test("questions search finds a titled question by the words of its title alone")
    func searchTitles() async throws {
        let path = cli.directory.appendingPathComponent("titled.html").path
        let blocks = [
            ("Law of Demeter", "Why should an object talk only to its immediate collaborators?"),
            ("Index 0", "Why do array indexes start with 0 in most languages?"),
            ("Cohesion vs Coupling", "How do cohesion and coupling pull a design in different directions?"),
            ("Idempotent retries", "How would you make a payment request safe to retry?"),
        ]
        let page = "<h2>Design</h2>" + blocks.map { "<h3>\($0.0)</h3><p>\($0.1)</p><p>It depends on the callers and the data.</p>" }.joined()
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = await cli.run(["import", path])
        #expect(imported.code == 0 && imported.out.contains("4 questions"), "\(imported.out)\(imported.err)")
        let demeter = await cli.run(["questions", "search", "demeter", "--format", "json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(demeter.out.utf8)) as? [[String: Any]], "\(demeter.out)\(demeter.err)")
        #expect(hits.count == 1 && hits.first?["title"] as? String == "Law of Demeter", "\(hits)")
        #expect(hits.first?["text"] as? String == "Why should an object talk only to its immediate collaborators?")
        let coupling = await cli.run(["questions", "search", "Cohesion", "vs"])
        #expect(coupling.code == 0 && coupling.out.contains("How do cohesion and coupling"), "\(coupling.out)")
    }

    @Test("a changed page from the same source becomes version 2 of its set")
    func sameSourceNextVersion() async throws {
        let path = cli.directory.appendingPathComponent("page.html").path
        try "<ol><li>What is a mutex?</li></ol>".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(await cli.run(["import", path]).out.contains("v1"))
        try "<ol><li>What is a mutex?</li><li>What is a semaphore?</li></ol>".write(toFile: path, atomically: true, encoding: .utf8)
        let second = await cli.run(["import", path])
        #expect(second.out.contains("2 questions in 1 section as set #2 v2"), "\(second.out)")
    }

    @Test("bad input: each file gets a clear message and exit 1, and good files beside it are still stored")
    func badInput() async throws {
        let empty = cli.directory.appendingPathComponent("empty.html").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let binary = cli.directory.appendingPathComponent("logo.png").path
        FileManager.default.createFile(atPath: binary, contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]))
        let result = await cli.run([
            "import", empty, binary, Self.fixtures + "/layouts/no-questions.html", cli.directory.appendingPathComponent("missing.html").path,
            Self.fixtures + "/layouts/details-summary.html",
        ])
        #expect(result.code == 1)
        #expect(result.err.contains("empty.html is empty"))
        #expect(result.err.contains("logo.png is not text"))
        #expect(result.err.contains("found no questions in"))
        #expect(result.err.contains("missing.html does not exist"))
        #expect(result.out.contains("3 questions in 1 section"))
        let bank = await cli.run(["questions", "list", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(bank.out.utf8)) as? [[String: Any]])?.count == 1)
    }

    @Test("XPath overrides can be saved as a named profile and used again")
    func profiles() async throws {
        let page = Self.fixtures + "/layouts/unusual-layout.html"
        let xpaths = ["--question-xpath", "//div[@class='prompt']", "--section-xpath", "//div[@class='group-name']"]
        let tried = await cli.run(["import", page, "--dry-run"] + xpaths)
        #expect(tried.code == 0, "\(tried.err)")
        #expect(tried.out.contains("## Networking"))
        let saved = await cli.run(["import", page, "--save-profile", "cards"] + xpaths)
        #expect(saved.code == 0, "\(saved.err)")
        let reused = await cli.run(["import", page, "--profile", "cards", "--dry-run", "--quiet"])
        #expect(reused.out.contains("3 questions in 2 sections"), "\(reused.out)\(reused.err)")
        let usage = await cli.run(["import", page, "--answer-xpath", "x"])
        #expect(usage.code == 64)
    }
}
