import Foundation
import Testing

@Suite("Importing score sheets")
struct ScoreImportCommandTests {
    let cli = try! CLIHarness()
    static let header = "position,candidate_name,candidate_email,round,interviewer_email,competency,rating,recommendation,submitted_at,note"

    func write(_ rows: [String], name: String = "scores.csv") throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try ([Self.header] + rows).joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every row of every table, so "untouched" means exactly that.
    func snapshot() async -> String {
        let tables = ["positions list", "candidates list", "users list", "rounds list"]
        var text = ""
        for table in tables { text += await cli.run(table + " --format json").out }
        text += await cli.run("report position 1 --format json").out
        return text
    }

    @Test("with --create-missing, a sheet creates what it names and submits its scorecards; re-importing adds nothing")
    func createMissing() async throws {
        let file = try write([
            "Backend Engineer,Ada Lovelace,ada@example.com,technical,grace@example.com,apis-http,4,strong_yes,2026-11-03T10:00:00Z,\"Great, clear\"",
            "Backend Engineer,Ada Lovelace,ada@example.com,technical,grace@example.com,databases,3,,2026-11-03T10:00:00Z,",
            "Backend Engineer,Ada Lovelace,ada@example.com,technical,alan@example.com,apis-http,3,yes,2026-11-03T11:00:00Z,",
            "Backend Engineer,Bob Babbage,bob@example.com,hr,grace@example.com,communication,2,no,2026-11-04,",
        ])
        let first = await cli.run(["scores", "import", file, "--create-missing", "--rubric", "backend-engineer", "--format", "json"])
        #expect(first.code == 0, "\(first.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Int])
        #expect(summary["scorecards_submitted"] == 3)
        #expect(summary["positions_created"] == 1 && summary["candidates_created"] == 2 && summary["interviewers_created"] == 2)
        #expect(summary["rounds_created"] == 2)
        let again = await cli.run(["scores", "import", file, "--format", "json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Int])
        #expect(second["scorecards_unchanged"] == 3 && second["scorecards_submitted"] == 0)
        let shown = await cli.run(["scorecards", "show", "--round", "1"])
        #expect(shown.out.contains("Great, clear"))
    }

    @Test("without --create-missing, unknown positions, people and rounds are all reported and nothing is stored")
    func reportsUnknowns() async throws {
        _ = await cli.run(["positions", "add", "--title", "Backend Engineer", "--rubric", "backend-engineer"])
        let file = try write([
            "Backend Engineer,Ada Lovelace,ada@example.com,technical,grace@example.com,apis-http,4,yes,2026-11-03,",
            "Data Engineer,Bob Babbage,bob@example.com,hr,grace@example.com,communication,2,no,2026-11-04,",
        ])
        let result = await cli.run(["scores", "import", file])
        #expect(result.code == 1)
        #expect(result.err.contains("line 2, column candidate_email: no candidate ada@example.com"))
        #expect(result.err.contains("line 3, column position: no position titled 'Data Engineer'"))
        #expect(await cli.run("candidates list --format json").out.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
    }

    @Test("one bad row in an otherwise good sheet leaves the database exactly as it was")
    func badRowLeavesDatabaseUntouched() async throws {
        let good = try write(
            ["Backend Engineer,Ada Lovelace,ada@example.com,technical,grace@example.com,apis-http,3,yes,2026-11-03,"], name: "good.csv")
        #expect(await cli.run(["scores", "import", good, "--create-missing", "--rubric", "backend-engineer"]).code == 0)
        let before = await snapshot()
        let audit = await cli.run(["scores", "import", good]).out  // unchanged import, writes nothing either
        #expect(audit.contains("1 unchanged"))
        let bad = try write(
            [
                "Backend Engineer,Ada Lovelace,ada@example.com,technical,alan@example.com,apis-http,2,no,2026-11-04,",
                "Backend Engineer,Cy Lee,cy@example.com,technical,grace@example.com,apis-http,9,yes,2026-11-04,",
                "Backend Engineer,Dee Ray,dee@example.com,technical,grace@example.com,communication,3,yes,2026-11-04,",
            ], name: "bad.csv")
        let result = await cli.run(["scores", "import", bad, "--create-missing", "--rubric", "backend-engineer"])
        #expect(result.code == 1)
        #expect(result.err.contains("line 3, column"))
        #expect(result.err.contains("off the scale"))
        #expect(result.err.contains("line 4, column competency"))
        #expect(await snapshot() == before)
    }

    @Test("a malformed file is refused before the database is touched")
    func malformed() async throws {
        let path = cli.directory.appendingPathComponent("broken.csv").path
        try "position,candidate\n\"unclosed".write(toFile: path, atomically: true, encoding: .utf8)
        let result = await cli.run(["scores", "import", path])
        #expect(result.code == 1)
        #expect(result.err.contains("never closed"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
        let missing = await cli.run(["scores", "import", cli.directory.appendingPathComponent("nope.csv").path])
        #expect(missing.code == 1 && missing.err.contains("does not exist"))
    }
}
