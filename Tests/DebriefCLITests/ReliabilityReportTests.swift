import DebriefReports
import DebriefService
import DebriefStore
import Foundation
import Testing

/// The position report's "How much to trust these scores", through `debrief report position`.
@Suite("The reliability study in the position report")
struct ReliabilityReportTests {
    @Test("a position with enough panels gets G(q,k), components with errors, the D-study and its sentence, in JSON and Markdown")
    func studyInReport() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(await cli.run(["demo", "generate", "--candidates", "200", "--seed", "1", "--today", "2026-11-01"]).code == 0)
        let json = await cli.run(["report", "position", "1", "--format", "json"])
        #expect(json.code == 0, "\(json.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let reliability = try #require(report["reliability"] as? [String: Any])
        let g = try #require(reliability["g"] as? Double)
        #expect(g > 0 && g < 1)
        let q = try #require(reliability["q"] as? Double), perCandidate = try #require(reliability["interviewers_per_candidate"] as? Double)
        #expect(q > 0 && q <= 1 / perCandidate + 1e-12)
        let variance = try #require(reliability["variance"] as? [String: Double])
        #expect(Set(variance.keys) == ["candidate", "interviewer", "candidate_competency", "residual"])
        #expect(variance.values.allSatisfy { $0 >= 0 })
        let errors = try #require(reliability["standard_errors"] as? [String: Any])
        #expect(Set(errors.keys) == Set(variance.keys))
        let projections = try #require(reliability["projections"] as? [[String: Any]])
        #expect(projections.compactMap { $0["interviewers"] as? Int } == Array(1...8))
        let projected = projections.compactMap { $0["reliability"] as? Double }
        #expect(projected.count == 8 && zip(projected, projected.dropFirst()).allSatisfy { $0 < $1 })
        let high = try #require(reliability["interviewers_for_0_8"] as? Int)
        #expect(projected[high - 1] >= 0.8 && (high == 1 || projected[high - 2] < 0.8))
        let summary = try #require(reliability["summary"] as? String)
        #expect(summary.hasPrefix("With 2 interviewers a candidate's score has reliability") && summary.contains("\(high) reach 0.8"))
        let markdown = await cli.run(["report", "position", "1", "--format", "md"])
        #expect(markdown.out.contains("## How much to trust these scores\n\n\(summary) (G(q,k)"))
        let html = await cli.run(["report", "position", "1", "--format", "html", "--out", cli.directory.appendingPathComponent("p.html").path])
        #expect(html.code == 0)
        let page = try String(contentsOf: cli.directory.appendingPathComponent("p.html"), encoding: .utf8)
        #expect(page.contains("<h2>How much to trust these scores</h2>"))
        #expect(page.contains("Projected reliability of a candidate&#39;s score by panel size"), "the D-study chart")
    }

    @Test("CSV, which has no place for the study, is built without it and is the CSV of the whole report, alone and with --all")
    func csvLeavesStudyOut() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(await cli.run(["demo", "generate", "--candidates", "200", "--seed", "1", "--today", "2026-11-01"]).code == 0)
        let alone = await cli.run(["report", "position", "1", "--format", "csv"])
        let batch = cli.directory.appendingPathComponent("batch").path
        #expect(await cli.run(["report", "position", "1", "--all", "--format", "csv", "--out", batch, "--quiet"]).code == 0)
        let service = DebriefService(database: try AppDatabase.open(path: cli.databasePath), rubrics: nil)
        let whole = try await service.positionReport(1)
        #expect(whole.reliability.g != nil, "the demo position is too small for a study, so this test proves nothing")
        let expected = try ReportFormat.csv.render(whole)
        #expect(alone.code == 0 && alone.out == expected)
        #expect(try String(contentsOfFile: batch + "/index.csv", encoding: .utf8) == expected)
    }

    @Test("a position with too few candidates gets nulls and a note saying why")
    func refusedInReport() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(await cli.run(["demo", "generate", "--candidates", "40", "--seed", "1", "--today", "2026-11-01"]).code == 0)
        let json = await cli.run(["report", "position", "1", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let reliability = try #require(report["reliability"] as? [String: Any])
        #expect(reliability["g"] is NSNull && reliability["summary"] is NSNull && (reliability["projections"] as? [Any])?.isEmpty == true)
        let notes = try #require(report["notes"] as? [String])
        #expect(
            notes.contains { $0.hasPrefix("the reliability study is not shown: a reliability study needs at least 10 rated candidates; this has ") })
        let markdown = await cli.run(["report", "position", "1", "--format", "md"])
        #expect(markdown.out.contains("Too little data for a reliability study yet; the notes say why."))
    }
}

/// `debrief report reliability RUBRIC`: the study over every position that uses a rubric.
@Suite("The reliability study of a rubric")
struct RubricReliabilityReportTests {
    private func json(_ result: CLIHarness.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    @Test("positions too small alone pool into a study; a rubric one position uses gives that position's own study")
    func pooled() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(await cli.run(["demo", "generate", "--candidates", "40", "--seed", "1", "--today", "2026-11-01"]).code == 0)
        let backend = await cli.run(["report", "reliability", "backend-engineer", "--format", "json"])
        #expect(backend.code == 0, "\(backend.err)")
        let report = try json(backend)
        #expect((report["rubric"] as? [String: Any])?["title"] as? String == "Backend Engineer")
        let positions = try #require(report["positions"] as? [[String: Any]])
        #expect(positions.compactMap { $0["id"] as? Int } == [1, 2])
        // Each position alone is refused; together they have enough.
        for position in [1, 2] {
            let own = try json(await cli.run(["report", "position", "\(position)", "--format", "json"]))
            #expect((own["reliability"] as? [String: Any])?["g"] is NSNull)
            let scored = (own["candidates"] as? [[String: Any]])?.filter { ($0["scorecards"] as? Int ?? 0) > 0 }.count
            #expect(positions.first { $0["id"] as? Int == position }?["candidates"] as? Int == scored)
        }
        let reliability = try #require(report["reliability"] as? [String: Any])
        let g = try #require(reliability["g"] as? Double)
        #expect(g > 0 && g < 1 && (reliability["projections"] as? [Any])?.count == 8)
        #expect(
            (report["notes"] as? [String])?.contains("candidates are pooled across 2 positions: one who interviews for two counts as two") == true)

        // Engineering Manager is one position's rubric at 120 candidates: the pooled study is that position's.
        let bigger = try CLIHarness()
        defer { bigger.remove() }
        #expect(await bigger.run(["demo", "generate", "--candidates", "120", "--seed", "1", "--today", "2026-11-01"]).code == 0)
        let manager = try json(await bigger.run(["report", "reliability", "engineering-manager", "--format", "json"]))
        let position = try json(await bigger.run(["report", "position", "3", "--format", "json"]))
        let pooledG = try #require((manager["reliability"] as? [String: Any])?["g"] as? Double)
        let ownG = try #require((position["reliability"] as? [String: Any])?["g"] as? Double)
        #expect(abs(pooledG - ownG) < 1e-6, "\(pooledG) against \(ownG)")
    }

    @Test("Markdown, CSV and HTML; an unknown rubric is an error that names it")
    func formatsAndErrors() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(await cli.run(["demo", "generate", "--candidates", "40", "--seed", "1", "--today", "2026-11-01"]).code == 0)
        let markdown = await cli.run(["report", "reliability", "backend-engineer", "--format", "md"])
        #expect(markdown.out.hasPrefix("# Reliability of the Backend Engineer rubric\n\n") && markdown.out.contains("| Interviewers | Reliability |"))
        let csv = await cli.run(["report", "reliability", "backend-engineer", "--format", "csv"])
        let rows = csv.out.split(separator: "\r\n")
        #expect(rows.first == "interviewers,reliability" && rows.count == 9 && rows[1].hasPrefix("1,0."))
        let file = cli.directory.appendingPathComponent("study.html").path
        #expect(await cli.run(["report", "reliability", "backend-engineer", "--out", file]).code == 0)
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(
            page.contains("<h1>Reliability of the Backend Engineer rubric</h1>") && page.contains("Projected reliability of a candidate&#39;s score"))
        let unknown = await cli.run(["report", "reliability", "sales-engineer", "--format", "json"])
        #expect(unknown.code == 1 && unknown.err.contains("no position using rubric sales-engineer"), "\(unknown.err)")
    }
}
