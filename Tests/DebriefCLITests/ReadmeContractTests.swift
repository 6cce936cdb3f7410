import DebriefReports
import DebriefStore
import Foundation
import Testing

/// Each place where the CLI once did not do what README.md says (issue #10), through the command itself.
@Suite("The CLI does what README.md says")
struct ReadmeContractTests {
    let cli = try! CLIHarness()
    static let seedPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/questionsets/backend-interview-questions.html").standardized.path

    /// Grace and Alan on the panel of round #1 (technical) of Ada for position #1.
    func setUp() async {
        for command in CLIHarness.panelCommands {
            let result = await cli.run(command)
            #expect(result.code == 0, "\(command): \(result.err)")
        }
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func json(_ result: CLIHarness.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }

    func scorecardCount() async throws -> Int {
        let shown = await cli.run(["scorecards", "show", "--round", "1", "--history", "--format", "json"])
        return (try json(shown) as? [Any])?.count ?? -1
    }

    // MARK: Data integrity

    @Test("1, 18: a misspelled key is refused with file, line and the known keys; nothing is stored")
    func misspelledScorecardKey() async throws {
        await setUp()
        let file = try write("round: 1\ninterviewer: grace@example.com\nrecommendation: yes\nratingz: {apis-http: 3}\n", to: "typo.yaml")
        let result = await cli.run(["scorecards", "submit", "--file", file])
        #expect(result.code == 1)
        #expect(
            result.err.contains("\(file):4: unknown key 'ratingz'; expected one of: round, interviewer, recommendation, notes, ratings, questions"))
        #expect(try await scorecardCount() == 0)
    }

    @Test("1: a file with no ratings is refused unless it says 'ratings: {}'")
    func noRatings() async throws {
        await setUp()
        let bare = try write("round: 1\ninterviewer: grace@example.com\nrecommendation: no_decision\n", to: "bare.yaml")
        let refused = await cli.run(["scorecards", "submit", "--file", bare])
        #expect(refused.code == 1 && refused.err.contains("gives no ratings"), "\(refused.err)")
        #expect(try await scorecardCount() == 0)
        let explicit = try write("round: 1\ninterviewer: grace@example.com\nrecommendation: no_decision\nratings: {}\n", to: "explicit.yaml")
        #expect(await cli.run(["scorecards", "submit", "--file", explicit]).code == 0)
        #expect(try await scorecardCount() == 1)
    }

    @Test("18: broken YAML and broken JSON are named as such, with the line")
    func syntaxErrors() async throws {
        await setUp()
        let yaml = try write("round: 1\ninterviewer: grace@example.com\nratings: {apis-http: 3\nnotes: x\n", to: "broken.yaml")
        let yamlResult = await cli.run(["scorecards", "submit", "--file", yaml])
        #expect(yamlResult.code == 1 && yamlResult.err.contains("is not valid YAML"), "\(yamlResult.err)")
        #expect(yamlResult.err.contains("\(yaml):"))
        let json = try write(
            "{\n  \"round\": 1,\n  \"interviewer\": \"grace@example.com\",\n  \"ratings\": {\"apis-http\": 3,,}\n}\n", to: "broken.json")
        let jsonResult = await cli.run(["scorecards", "submit", "--file", json])
        #expect(jsonResult.code == 1 && jsonResult.err.contains("\(json):4: is not valid JSON"), "\(jsonResult.err)")
        let good = try write(
            "{\"round\": 1, \"interviewer\": \"grace@example.com\", \"recommendation\": \"yes\", \"ratings\": {\"apis-http\": 3}}", to: "good.json")
        #expect(await cli.run(["scorecards", "submit", "--file", good]).code == 0)
    }

    @Test("2: pasted imports are named by --name or their <title>, never one shared placeholder")
    func pastedIdentity() async throws {
        let first = try write("<h2>Q1. What is a deadlock?</h2><p>Two waits.</p>", to: "first.html")
        let second = try write("<h2>Q1. What is a mutex?</h2><p>A lock.</p>", to: "second.html")
        // Standard input is the process's own here, so the file stands in for it through --name.
        let one = await cli.run(["import", first, "--name", "Concurrency basics"])
        let two = await cli.run(["import", second, "--name", "Locks"])
        #expect(one.code == 0 && two.code == 0, "\(one.err)\(two.err)")
        #expect(two.out.contains("v1"), "an unrelated import must not be a new version of the first: \(two.out)")
        let sets = await cli.run(["questions", "list", "--format", "json"])
        #expect(sets.code == 0)
        let usage = await cli.run(["import", first, second, "--name", "Both"])
        #expect(usage.code == 64 && usage.err.contains("--name names one set"))
    }

    @Test("3: --dry-run --save-profile is refused and stores nothing")
    func dryRunStoresNothing() async throws {
        let page = ImportCommandTestsFixtures.unusual
        let result = await cli.run(["import", page, "--dry-run", "--question-xpath", "//div[@class='prompt']", "--save-profile", "cards"])
        #expect(result.code == 64 && result.err.contains("a dry run stores nothing"))
        let reuse = await cli.run(["import", page, "--profile", "cards", "--dry-run"])
        #expect(reuse.code == 1 && reuse.err.contains("no import profile cards"))
    }

    @Test("4: an unknown rubric and a round kind the rubric does not plan are refused when the record is made")
    func checkedAgainstRubric() async throws {
        let position = await cli.run(["positions", "add", "--title", "Chef", "--rubric", "nope"])
        #expect(position.code == 1 && position.err.contains("no rubric 'nope'; known: backend-engineer, engineering-manager"))
        #expect((try json(await cli.run(["positions", "list", "--format", "json"])) as? [Any])?.isEmpty == true)
        await setUp()
        let round = await cli.run([
            "rounds", "schedule", "--candidate", "ada@example.com", "--position", "1", "--kind", "bogus_kind", "--at", "2026-12-02T10:00Z",
            "--interviewer", "grace@example.com",
        ])
        #expect(round.code == 1 && round.err.contains("rubric backend-engineer has no 'bogus_kind' rounds; it knows: phone_screen"), "\(round.err)")
        #expect((try json(await cli.run(["rounds", "list", "--format", "json"])) as? [Any])?.count == 1)
    }

    @Test("rounds schedule --question-set names the round's kit, and an unknown set is refused")
    func questionSetKit() async throws {
        await setUp()
        #expect(await cli.run(["import", Self.seedPage]).code == 0)
        let round = [
            "rounds", "schedule", "--candidate", "ada@example.com", "--position", "1", "--kind", "hr", "--at", "2026-12-02T10:00Z",
            "--interviewer", "grace@example.com", "--format", "json",
        ]
        let kit = await cli.run(round + ["--question-set", "1"])
        #expect((try json(kit) as? [String: Any])?["question_set_id"] as? Int == 1, "\(kit.out)\(kit.err)")
        let missing = await cli.run(round + ["--question-set", "9"])
        #expect(missing.code == 1 && missing.err.contains("no question set #9 in the question bank"))
        #expect(await cli.run(round + ["--question-set", "0"]).code == 64)
    }

    @Test("5: a score sheet cannot create a round for a withdrawn candidate, as rounds schedule cannot")
    func withdrawnCandidate() async throws {
        await setUp()
        #expect(await cli.run(["candidates", "move", "ada@example.com", "--to", "withdrawn"]).code == 0)
        let sheet = try write(
            """
            position,candidate_name,candidate_email,round,interviewer_email,competency,rating,recommendation,submitted_at,note
            Backend Engineer,Ada Lovelace,ada@example.com,hr,grace@example.com,communication,3,yes,2026-11-03,
            """, to: "sheet.csv")
        let result = await cli.run(["scores", "import", sheet, "--create-missing"])
        #expect(result.code == 1)
        #expect(result.err.contains("column candidate_email: Ada Lovelace is 'withdrawn'; reopen them before scheduling a round"), "\(result.err)")
        #expect((try json(await cli.run(["rounds", "list", "--format", "json"])) as? [Any])?.count == 1)
    }

    @Test("6: a cut-short database file is refused untouched, with no -wal or -shm beside it")
    func truncatedDatabase() async throws {
        await setUp()
        let whole = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        let cut = cli.directory.appendingPathComponent("cut.sqlite").path
        try whole.prefix(100).write(to: URL(fileURLWithPath: cut))
        let result = await cli.run(["positions", "list", "--db", cut], database: false)
        #expect(result.code == 1)
        #expect(result.err.contains("\(cut) is not a Debrief database (it is cut short or damaged"), "\(result.err)")
        #expect(result.err.contains("it was left untouched"))
        #expect(!FileManager.default.fileExists(atPath: cut + "-wal") && !FileManager.default.fileExists(atPath: cut + "-shm"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cut)) == whole.prefix(100))
    }

    // MARK: CLI conventions

    @Test("14: missing flags, bad values and an invalid XPath exit 64")
    func usageErrors() async throws {
        await setUp()
        let noInterviewer = await cli.run(["scorecards", "submit", "--round", "1", "--rating", "apis-http=3"])
        #expect(noInterviewer.code == 64 && noInterviewer.err.contains("--interviewer"), "\(noInterviewer.err)")
        let noRound = await cli.run(["scorecards", "submit", "--interviewer", "grace@example.com", "--rating", "apis-http=3"])
        #expect(noRound.code == 64 && noRound.err.contains("--round"))
        let xpath = await cli.run(["import", ImportCommandTestsFixtures.unusual, "--dry-run", "--question-xpath", "//div[@class="])
        #expect(xpath.code == 64 && xpath.err.contains("--question-xpath '//div[@class=' is not a valid XPath expression"), "\(xpath.err)")
    }

    @Test("15: scorecards show --history is a flag")
    func historyFlag() async throws {
        await setUp()
        let submit = [
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--recommendation", "yes",
        ]
        #expect(await cli.run(submit).code == 0)
        #expect(await cli.run(submit + ["--notes", "second look", "--reason", "second look"]).code == 0)
        let current = await cli.run(["scorecards", "show", "--round", "1", "--format", "json"])
        let history = await cli.run(["scorecards", "show", "--round", "1", "--history", "--format", "json"])
        let (currentCount, historyCount) = ((try json(current) as? [Any])?.count, (try json(history) as? [Any])?.count)
        #expect(currentCount == 1 && historyCount == 2)
        #expect(await cli.run(["scorecards", "show", "--round", "1", "--history", "true"]).code == 64)
    }

    @Test("16: report candidate --help lists only the formats that work, and each of them works")
    func candidateFormatsInHelp() async throws {
        let help = await cli.run(["report", "candidate", "--help"], database: false)
        #expect(help.out.contains("values: html, md, csv, json;"), "\(help.out)")
        #expect(!help.out.contains("text"))
        await setUp()
        for format in ["md", "csv", "json"] {
            #expect(await cli.run(["report", "candidate", "1", "--format", format]).code == 0, "\(format)")
        }
        #expect(await cli.run(["report", "candidate", "1", "--format", "text"]).code == 64)
    }

    @Test("17: a rating for a question that is not in the bank names it")
    func unknownQuestion() async throws {
        await setUp()
        let result = await cli.run([
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--question-rating", "999:apis-http=3", "--recommendation",
            "yes",
        ])
        #expect(result.code == 1 && result.err.contains("no question #999 in the question bank"), "\(result.err)")
        #expect(!result.err.contains("FOREIGN KEY"))
    }

    @Test("19: demo generate refuses a question page that is not there, and finds the seed page beside the rubrics folder")
    func demoQuestions() async throws {
        let missing = await cli.run(["demo", "generate", "--candidates", "3", "--questions", "missing.html"])
        #expect(missing.code == 64 && missing.err.contains("the question page missing.html does not exist"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
        let generated = await cli.run(["demo", "generate", "--candidates", "3", "--rubrics", CLIHarness.rubricsPath])
        #expect(generated.code == 0, "\(generated.err)")
        let bank = try #require(try json(await cli.run(["questions", "list", "--format", "json"])) as? [[String: Any]])
        #expect(bank.count == 1 && (bank.first?["questions"] as? [Any])?.count == 40, "the seed page's set of 40 questions")
    }

    @Test("20: import --quiet prints one line per stored page, without the warnings")
    func quietImport() async throws {
        let page = try write("<h2>Q1. What is a deadlock?</h2><p>Two waits.</p><h2>Q2. What is a mutex?</h2>", to: "page.html")
        let loud = await cli.run(["import", page])
        #expect(loud.out.contains("warning: 1 of 2 questions have no model answer"), "\(loud.out)")
        let other = try write("<h2>Q1. What is a lock?</h2><p>Mutual exclusion.</p><h2>Q2. What is a latch?</h2>", to: "other.html")
        let quiet = await cli.run(["import", other, "--quiet"])
        #expect(quiet.code == 0 && quiet.out.split(separator: "\n").count == 1 && !quiet.out.contains("warning"), "\(quiet.out)")
    }

    @Test("21: a refused phone number is told the real rule")
    func phoneRule() async throws {
        let result = await cli.run(["candidates", "add", "--name", "Ada", "--email", "ada@example.com", "--phone", "+1 555"])
        #expect(result.code == 64 && result.err.contains("it needs 5 to 20 digits (it has 4)"), "\(result.err)")
        #expect(await cli.run(["candidates", "add", "--name", "Ada", "--email", "ada@example.com", "--phone", "+1 555 0100"]).code == 0)
    }

    @Test("22: an amendment names the round, the interviewer and the version")
    func amendmentMessage() async throws {
        await setUp()
        let submit = [
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--recommendation", "yes",
        ]
        let first = await cli.run(submit)
        #expect(first.out.contains("Submitted grace@example.com's scorecard for round #1 (technical)"), "\(first.out)")
        let unexplained = await cli.run(submit)
        #expect(unexplained.code == 1 && unexplained.err.contains("amending it needs the reason"), "\(unexplained.err)")
        let second = await cli.run(submit + ["--reason", "misread my notes"])
        #expect(second.out.contains("Submitted amendment v2 of grace@example.com's scorecard for round #1 (technical)"), "\(second.out)")
    }

    @Test("23: a rubric's scale runs 1 to N without gaps")
    func scaleFromOne() async throws {
        let shipped = try String(contentsOfFile: CLIHarness.rubricsPath + "/backend-engineer.yaml", encoding: .utf8)
        let folder = cli.directory.appendingPathComponent("rubrics")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let zeroBased = folder.appendingPathComponent("backend-engineer.yaml").path
        try shipped.replacingOccurrences(of: "- value: 1\n", with: "- value: 0\n").write(toFile: zeroBased, atomically: true, encoding: .utf8)
        let result = await cli.run(["rubric", "validate", zeroBased], database: false)
        #expect(result.code == 1 && result.err.contains("expected 1, not 0: a scale starts at 1"), "\(result.err)")
    }

    @Test("24: rubric show in text has the round weights and the flags the JSON has")
    func rubricShowText() async {
        let show = await cli.run(["rubric", "show", "backend-engineer"], database: false)
        #expect(show.out.contains("technical: fundamentals, apis-http (weight 2), databases (weight 2), reliability-security"), "\(show.out)")
        #expect(show.out.contains("Flags: any strong no; interviewers 2 or more points apart on a competency; coverage below 60%"))
    }
}

/// Fixture paths shared with the import command's tests.
enum ImportCommandTestsFixtures {
    static let unusual = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/questionsets/layouts/unusual-layout.html").standardized.path
}
