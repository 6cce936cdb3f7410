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

    // MARK: The JSON and report contract

    @Test("7, 10: unscored and lone candidates have every key, null where there is no figure, and notes say why")
    func nullsNeverMissing() async throws {
        await setUp()
        let unscored = try #require(try json(await cli.run(["report", "candidate", "ada@example.com", "--format", "json"])) as? [String: Any])
        for key in ["score", "calibrated_score", "percentile", "rank", "recommendation"] {
            #expect(unscored.keys.contains(key) && unscored[key] is NSNull, "\(key)")
        }
        #expect((unscored["notes"] as? [String])?.contains { $0.contains("no submitted scorecards yet") } == true)
        let listed = try #require(try json(await cli.run(["candidates", "list", "--format", "json"])) as? [[String: Any]])
        #expect(listed[0]["phone"] is NSNull && listed[0]["source"] is NSNull)
        let positions = try #require(try json(await cli.run(["positions", "list", "--format", "json"])) as? [[String: Any]])
        #expect(positions[0]["level"] is NSNull)

        #expect(
            await cli.run([
                "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--recommendation", "yes",
            ]).code == 0)
        let report = try #require(try json(await cli.run(["report", "position", "1", "--format", "json"])) as? [String: Any])
        let candidate = try #require((report["candidates"] as? [[String: Any]])?.first)
        #expect(candidate["rank"] as? Int == 1)
        #expect(candidate["percentile"] is NSNull, "one scored candidate has no one to be compared with")
        #expect((report["notes"] as? [String])?.contains { $0.contains("only scored candidate") && $0.contains("percentile is null") } == true)
    }

    @Test("8: a held round rated all 'no signal' is in round_scores as null, and the note says so")
    func noSignalRound() async throws {
        await setUp()
        let submitted = await cli.run([
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=none", "--rating", "databases=none",
            "--recommendation", "no_decision",
        ])
        #expect(submitted.code == 0, "\(submitted.err)")
        let report = try #require(try json(await cli.run(["report", "position", "1", "--format", "json"])) as? [String: Any])
        let candidate = try #require((report["candidates"] as? [[String: Any]])?.first)
        let rounds = try #require(candidate["round_scores"] as? [String: Any])
        #expect(rounds.keys.contains("1") && rounds["1"] is NSNull)
        let notes = try #require(report["notes"] as? [String])
        #expect(notes.contains { $0.contains("give no signal on any competency") })
        #expect(!notes.contains { $0.contains("no submitted") })
    }

    @Test("9, 11: the candidate report shows each round's score in HTML, and its CSV fills every column of question rows")
    func candidateReportFormats() async throws {
        await setUp()
        #expect(await cli.run(["import", Self.seedPage, "--rubric", "backend-engineer"]).code == 0)
        let card = await cli.run([
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--question-rating",
            "12:apis-http=4", "--recommendation", "yes",
        ])
        #expect(card.code == 0, "\(card.err)")
        let html = cli.directory.appendingPathComponent("ada.html").path
        #expect(await cli.run(["report", "candidate", "ada@example.com", "--out", html]).code == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("technical · 2026-12-01 10:00 UTC · held · round score 3.00"))
        let csv = await cli.run(["report", "candidate", "ada@example.com", "--format", "csv"])
        let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        let question = try #require(rows.first { $0.count > 9 && $0[9] == "4" })
        #expect(question[3] == "1" && question[4] == "technical" && question[6] == "yes" && question[10].hasPrefix("20"), "\(question)")
    }

    @Test("12: --long prints one row per rating, and CSV on standard output ends with its last CRLF")
    func longCSV() async throws {
        await setUp()
        #expect(
            await cli.run([
                "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--rating", "databases=2",
                "--recommendation", "yes",
            ]).code == 0)
        let long = await cli.run(["report", "position", "1", "--format", "csv", "--long"])
        #expect(long.out.hasPrefix("candidate,email,position,round_id,round,interviewer,recommendation,competency,question,rating,submitted_at\r\n"))
        #expect(long.out.components(separatedBy: "\r\n").count == 4, "a header, two ratings and nothing after the last CRLF: \(long.out)")
        // The stream writes what the in-memory renderer (the one the golden file checks) writes.
        let dossier = try await AppDatabase.open(path: cli.databasePath).positionDossier(positionID: 1)
        #expect(long.out == PositionRatingsCSV.render(dossier))
        // --out streams the same bytes into the file, renamed into place whole; no partial file stays.
        let file = cli.directory.appendingPathComponent("ratings.csv")
        let written = await cli.run(["report", "position", "1", "--format", "csv", "--long", "--out", file.path])
        #expect(written.code == 0 && written.err.contains("Wrote \(file.path)"))
        #expect(try Data(contentsOf: file) == Data(long.out.utf8))
        let unknown = await cli.run([
            "report", "position", "9", "--format", "csv", "--long", "--out", cli.directory.appendingPathComponent("none.csv").path,
        ])
        #expect(unknown.code != 0 && unknown.err.contains("position") && unknown.err.contains("9"), "\(unknown.err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!left.contains("none.csv") && !left.contains { $0.hasSuffix(".partial") }, "\(left)")
        let wide = await cli.run(["report", "position", "1", "--format", "csv"])
        #expect(wide.out.hasPrefix("rank,candidate,"))
        #expect(wide.out.hasSuffix("\r\n") && !wide.out.hasSuffix("\r\n\n"))
    }

    @Test("13: every key of every JSON output is snake_case as documented")
    func snakeCaseKeys() async throws {
        await setUp()
        let scheduled = await cli.run([
            "rounds", "schedule", "--candidate", "ada@example.com", "--position", "1", "--kind", "hr", "--at", "2026-12-02T10:00Z", "--interviewer",
            "grace@example.com", "--format", "json",
        ])
        let round = try #require(try json(scheduled) as? [String: Any])
        #expect(round["interviewer_ids"] as? [Int] == [1], "\(scheduled.out)")
        #expect(
            await cli.run([
                "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--recommendation", "yes",
            ]).code == 0)
        let outputs = [
            ["rounds", "list", "--format", "json"], ["candidates", "list", "--format", "json"], ["candidates", "show", "1", "--format", "json"],
            ["positions", "list", "--format", "json"], ["users", "list", "--format", "json"], ["report", "position", "1", "--format", "json"],
            ["report", "candidate", "1", "--format", "json"], ["scorecards", "show", "--round", "1", "--format", "json"],
            ["rubric", "show", "backend-engineer", "--format", "json"], ["report", "questions", "--format", "json"],
        ]
        for command in outputs {
            let result = await cli.run(command, database: command[0] != "rubric")
            #expect(result.code == 0, "\(command): \(result.err)")
            for key in Self.objectKeys(try json(result)) {
                // Competency ids (apis-http) and round ids (12) are data, not field names.
                let field = key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-" }
                // interviewer_i_ds is what a snake-cased "IDs" turns into.
                let oneLetterPart = key.split(separator: "_").dropFirst().contains { $0.count == 1 && $0.first!.isLetter }
                #expect(field && !oneLetterPart, "\(command): key '\(key)'")
            }
        }
    }

    /// Every key of every object in a JSON value.
    static func objectKeys(_ value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys + object.values.flatMap(objectKeys) }
        if let array = value as? [Any] { return array.flatMap(objectKeys) }
        return []
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
