import DebriefReports
import DebriefStore
import Foundation
import Testing

/// README.md's contract for JSON keys and reports (issue #10), through the commands themselves.
extension ReadmeContractTests {

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
        #expect(
            (report["notes"] as? [String])?.contains {
                $0.contains("only scored candidate") && $0.contains("no one to compare with and no percentile")
            } == true)
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
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("technical · 2026-12-01 10:00 UTC · held · round score 3.00"))
        // People read a question's ratings by competency title and interviewer name, the CSV keeps ids.
        #expect(page.contains("<td>APIs and HTTP 4 (Grace Hopper)</td>"), "\(page)")
        let markdown = await cli.run(["report", "candidate", "ada@example.com", "--format", "md"]).out
        #expect(markdown.contains(": APIs and HTTP 4 (Grace Hopper)"), "\(markdown)")
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
}
