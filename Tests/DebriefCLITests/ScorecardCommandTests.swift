import Foundation
import Testing

@Suite("Rubrics, scorecards and the position report from the command line")
struct ScorecardCommandTests {
    let cli = try! CLIHarness()

    /// A position on the backend rubric, a candidate, two interviewers and a technical round (#1).
    func setUp() async {
        for command in CLIHarness.panelCommands {
            let result = await cli.run(command)
            #expect(result.code == 0, "\(command): \(result.err)")
        }
    }

    @Test("rubric validate passes the shipped rubrics and names file and line of a broken one")
    func validate() async throws {
        let shipped = try FileManager.default.contentsOfDirectory(atPath: CLIHarness.rubricsPath).map { CLIHarness.rubricsPath + "/" + $0 }
        let good = await cli.run(["rubric", "validate"] + shipped, database: false)
        #expect(good.code == 0, "\(good.err)")
        #expect(good.out.contains("ok  ") && good.out.contains("backend-engineer v1"))
        let broken = cli.directory.appendingPathComponent("broken.yaml").path
        try "id: broken\ntitle: Broken\nversion: 1\nscale: []\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = await cli.run(["rubric", "validate", broken], database: false)
        #expect(bad.code == 1)
        #expect(bad.err.contains("\(broken):1: missing required key 'competencies'"))
    }

    @Test("rubric list and show read the rubrics folder")
    func listAndShow() async throws {
        let list = await cli.run(["rubric", "list", "--format", "json"], database: false)
        let ids = (try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["backend-engineer", "engineering-manager"])
        let show = await cli.run(["rubric", "show", "backend-engineer"], database: false)
        #expect(show.out.contains("system-design: System design and scalability (weight 2)"))
        let missing = await cli.run(["rubric", "show", "chef"], database: false)
        #expect(missing.code == 1 && missing.err.contains("no rubric 'chef'; known: backend-engineer, engineering-manager"))
    }

    @Test("interviewers are blind to colleagues until they submit, and the report combines both scorecards")
    func blindThenReport() async throws {
        await setUp()
        let grace = await cli.run([
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=4", "--rating", "databases=3",
            "--rating", "fundamentals=none", "--recommendation", "strong yes", "--notes", "Great API design.",
        ])
        #expect(grace.code == 0, "\(grace.err)")
        let blind = await cli.run(["scorecards", "show", "--round", "1", "--as", "alan@example.com"])
        #expect(blind.out.contains("No scorecards you may see"))
        let file = cli.directory.appendingPathComponent("alan.yaml").path
        try """
        round: 1
        interviewer: alan@example.com
        recommendation: yes
        ratings: {apis-http: 2, databases: 3, reliability-security: 3}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(await cli.run(["scorecards", "submit", "--file", file]).code == 0)
        let open = await cli.run(["scorecards", "show", "--round", "1", "--as", "alan@example.com"])
        #expect(open.out.contains("Grace Hopper") && open.out.contains("Alan Turing") && open.out.contains("Great API design."))

        let report = await cli.run(["report", "position", "1", "--format", "json"])
        #expect(report.code == 0, "\(report.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any])
        let candidate = try #require((json["candidates"] as? [[String: Any]])?.first)
        // apis-http (1.5) mean 3, databases (1.5) mean 3, reliability-security (1.5) 3 → 3.0; coverage 4.5 of 8.5
        #expect(candidate["score"] as? Double == 3)
        #expect(abs((candidate["coverage"] as? Double ?? 0) - 4.5 / 8.5) < 1e-9)
        #expect(candidate["recommendation"] as? String == "yes")
        #expect(candidate["flags"] as? [String] == ["disagreement:apis-http", "low_coverage"])
        #expect(candidate["rank"] as? Int == 1)
        let competencies = try #require(candidate["competencies"] as? [String: [String: Any]])
        #expect(competencies["apis-http"]?["n"] as? Int == 2)
        let agreement = try #require(json["agreement"] as? [String: Any])
        // units (ada, apis-http) = [4, 2] and (ada, databases) = [3, 3], worked by hand: alpha = 1 − 3 × 8 / 16
        #expect(agreement["krippendorff_alpha_interval"] as? Double == -0.5)
        #expect(agreement["icc2_1"] == nil && agreement["icc2_k"] == nil, "the reliability study replaced the ICC")
        #expect((json["notes"] as? [String])?.isEmpty == false)
        #expect((json["calibration"] as? [[String: Any]])?.count == 2)
        let text = await cli.run(["report", "position", "1", "--format", "text"])
        #expect(text.out.contains("1     Ada Lovelace  3.00"), "\(text.out)")
        #expect(text.out.contains("Krippendorff alpha interval -0.50"))

        let markdown = await cli.run(["report", "candidate", "ada@example.com", "--format", "md"])
        #expect(markdown.code == 0, "\(markdown.err)")
        #expect(markdown.out.contains("# Ada Lovelace, Backend Engineer") && markdown.out.contains("Great API design."))
        let html = cli.directory.appendingPathComponent("ada.html").path
        let written = await cli.run(["report", "candidate", "1", "--out", html])
        #expect(written.code == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
        let batch = cli.directory.appendingPathComponent("pack").path
        let all = await cli.run(["report", "position", "1", "--all", "--out", batch, "--quiet"])
        #expect(all.out.contains("Wrote 1 candidate reports"), "\(all.out)\(all.err)")
        let index = try String(contentsOfFile: batch + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"candidate-1.html\">Ada Lovelace</a>"))
        #expect(FileManager.default.fileExists(atPath: batch + "/candidate-1.html"))
        let none = await cli.run(["report", "position", "1", "--all", "--out", batch + "-hired", "--stage", "hired"])
        #expect(none.out.contains("Wrote 0 candidate reports"))
        #expect(await cli.run(["report", "position", "1", "--stage", "hired"]).code == 64)
        let nowhere = await cli.run(["report", "position", "1", "--out", "/nonexistent-folder/report.html"])
        #expect(nowhere.code == 1 && nowhere.err.contains("does not exist"))
    }

    @Test("--entered-by stores the scorecard as the interviewer's and the report says who typed it in; --reason is kept with an amendment")
    func enteredBy() async throws {
        await setUp()
        #expect(await cli.run(["users", "add", "--name", "Riley Chen", "--email", "riley@example.com", "--role", "recruiter"]).code == 0)
        let submit = [
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--recommendation", "yes",
            "--entered-by", "riley@example.com",
        ]
        let first = await cli.run(submit)
        #expect(first.code == 0 && first.out.contains("entered by riley@example.com"), "\(first.err)")
        #expect(await cli.run(submit + ["--reason", "the paper form said 4"]).code == 0)
        let report = await cli.run(["report", "candidate", "1", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any]
        let card = ((object?["rounds"] as? [[String: Any]])?.first?["scorecards"] as? [[String: Any]])?.first
        #expect(card?["interviewer"] as? String == "grace@example.com")
        #expect(card?["entered_by"] as? String == "riley@example.com")
        #expect(card?["amend_reason"] as? String == "the paper form said 4" && card?["version"] as? Int == 2)
        let unknown = await cli.run(submit.dropLast() + ["nobody@example.com", "--reason", "x"])
        #expect(unknown.code == 1 && unknown.err.contains("nobody@example.com"), "\(unknown.err)")
    }

    @Test("rounds change moves a round and changes its panel; someone with a scorecard stays on it")
    func changeRound() async throws {
        await setUp()
        let moved = await cli.run(["rounds", "change", "1", "--at", "2026-12-05T09:00Z"])
        #expect(
            moved.code == 0 && moved.out.contains("Round #1 (technical) is at 2026-12-05T09:00:00Z with 2 on its panel"), "\(moved.out)\(moved.err)")
        #expect(
            await cli.run(["scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3", "--draft"]).code
                == 0)
        let dropGrace = await cli.run(["rounds", "change", "1", "--interviewer", "alan@example.com"])
        #expect(
            dropGrace.code == 1 && dropGrace.err.contains("Grace Hopper has a scorecard for this round, so they stay on its panel"),
            "\(dropGrace.err)")
        let dropAlan = await cli.run(["rounds", "change", "1", "--interviewer", "grace@example.com", "--format", "json"])
        let round = try JSONSerialization.jsonObject(with: Data(dropAlan.out.utf8)) as? [String: Any]
        #expect((round?["interviewer_ids"] as? [Int])?.count == 1, "\(dropAlan.out)")
        #expect(await cli.run(["rounds", "change", "1"]).code == 64)
        #expect(await cli.run(["rounds", "change", "99", "--at", "2026-12-05T09:00Z"]).err.contains("no round #99"))
    }

    @Test("a submitted scorecard is amended, not overwritten; drafts over it are refused")
    func amendments() async {
        await setUp()
        let submit = [
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=2", "--recommendation", "no",
        ]
        #expect(await cli.run(submit).code == 0)
        let amended = await cli.run(submit + ["--reason", "typo in a rating"])
        #expect(amended.out.contains("Submitted amendment v2"))
        let draft = await cli.run(submit + ["--draft"])
        #expect(draft.code == 1 && draft.err.contains("submitted and locked"))
        let history = await cli.run(["scorecards", "show", "--round", "1", "--history"])
        #expect(history.out.contains("v1") && history.out.contains("v2"))
    }

    @Test("ratings are checked: bad syntax is a usage error, off-scale or uncovered ones fail and store nothing")
    func badRatings() async {
        await setUp()
        let syntax = await cli.run(["scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http:3"])
        #expect(syntax.code == 64 && syntax.err.contains("COMPETENCY=RATING"))
        let offScale = await cli.run([
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=7", "--recommendation", "yes",
        ])
        #expect(offScale.code == 1 && offScale.err.contains("rating 7 is off the scale; use 1 to 4"))
        let uncovered = await cli.run([
            "scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "communication=3", "--recommendation", "yes",
        ])
        #expect(uncovered.code == 1 && uncovered.err.contains("does not cover 'communication'"))
        let missing = await cli.run(["scorecards", "submit", "--round", "1", "--interviewer", "grace@example.com", "--rating", "apis-http=3"])
        #expect(missing.code == 1 && missing.err.contains("recommendation"))
        #expect(await cli.run(["scorecards", "show", "--round", "1"]).out.contains("No scorecards"))
    }
}
