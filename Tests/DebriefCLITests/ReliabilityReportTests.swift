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
        #expect(notes.contains { $0.hasPrefix("the reliability study is not shown: a reliability study needs at least 10 rated candidates; this has ") })
        let markdown = await cli.run(["report", "position", "1", "--format", "md"])
        #expect(markdown.out.contains("Too little data for a reliability study yet; the notes say why."))
    }
}
