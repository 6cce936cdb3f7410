import Foundation
import Testing

@Suite("The debrief command line")
struct CLICommandTests {
    let cli = try! CLIHarness()

    @Test("--help lists every command")
    func help() async {
        let result = await cli.run(["--help"], database: false)
        #expect(result.code == 0)
        for command in ["positions", "candidates", "rounds", "users", "demo"] {
            #expect(result.out.contains(command), "help does not mention \(command)")
        }
    }

    @Test("--version prints the version and the schema version it writes")
    func version() async {
        let result = await cli.run(["--version"], database: false)
        #expect(result.code == 0 && result.out == "debrief 0.7.0 (database schema v19-report-version-triggers)\n", "\(result.out)\(result.err)")
    }

    @Test("positions are added and listed as text and JSON")
    func positions() async throws {
        let added = await cli.run(["positions", "add", "--title", "Backend Engineer", "--level", "senior", "--rubric", "backend-engineer"])
        #expect(added.code == 0)
        #expect(added.out.contains("Added position #1: Backend Engineer"))
        let text = await cli.run("positions list")
        #expect(text.out.contains("Backend Engineer") && text.out.contains("backend-engineer"))
        let json = await cli.run("positions list --format json")
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(rows?.first?["title"] as? String == "Backend Engineer")
        #expect(rows?.first?["rubric_id"] as? String == "backend-engineer")
    }

    @Test("a malformed email is a usage error (exit 64) that names the flag and the fix")
    func badEmail() async {
        let result = await cli.run(["candidates", "add", "--name", "Ada", "--email", "ada-at-example.com"])
        #expect(result.code == 64)
        #expect(result.err.contains("--email"))
        #expect(result.err.contains("name@example.com"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath), "a usage error must not create the database")
    }

    @Test("an empty name is a usage error")
    func emptyName() async {
        let result = await cli.run(["candidates", "add", "--name", "  ", "--email", "ada@example.com"])
        #expect(result.code == 64)
        #expect(result.err.contains("name: must not be empty"))
    }

    @Test("an unknown flag is a usage error")
    func unknownFlag() async {
        let result = await cli.run(["candidates", "list", "--colour", "red"])
        #expect(result.code == 64)
        #expect(result.err.contains("--colour"))
    }

    @Test("candidates move along the pipeline; an illegal move fails with exit 1 and changes nothing")
    func moves() async throws {
        #expect(await cli.run(["candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com"]).code == 0)
        let illegal = await cli.run(["candidates", "move", "ada@example.com", "--to", "offer"])
        #expect(illegal.code == 1)
        #expect(illegal.err.contains("cannot move from 'applied' to 'offer'"))
        #expect(await cli.run(["candidates", "move", "1", "--to", "screening"]).code == 0)
        let shown = await cli.run(["candidates", "show", "ada@example.com", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
        #expect((object?["candidate"] as? [String: Any])?["stage"] as? String == "screening")
    }

    @Test("a duplicate candidate fails with exit 1 and says so")
    func duplicate() async {
        _ = await cli.run(["candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com"])
        let again = await cli.run(["candidates", "add", "--name", "Ada L.", "--email", "ADA@example.com"])
        #expect(again.code == 1)
        #expect(again.err.contains("a candidate with email ada@example.com already exists"))
    }

    @Test("an unknown candidate fails with exit 1 and names it")
    func unknownCandidate() async {
        let result = await cli.run(["candidates", "show", "nobody@example.com"])
        #expect(result.code == 1)
        #expect(result.err.contains("no candidate nobody@example.com"))
    }

    @Test("an unknown stage is a usage error listing the stages")
    func unknownStage() async {
        let result = await cli.run(["candidates", "list", "--stage", "hiring"])
        #expect(result.code == 64)
        #expect(result.err.contains("applied, screening, interviewing"))
    }

    @Test("rounds are scheduled with a panel and listed")
    func rounds() async throws {
        _ = await cli.run(["positions", "add", "--title", "Backend Engineer", "--rubric", "backend-engineer"])
        _ = await cli.run(["candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com"])
        _ = await cli.run(["users", "add", "--name", "Grace Hopper", "--email", "grace@example.com", "--role", "interviewer"])
        _ = await cli.run(["users", "add", "--name", "Alan Turing", "--email", "alan@example.com"])
        let scheduled = await cli.run([
            "rounds", "schedule", "--candidate", "ada@example.com", "--position", "1", "--kind", "system design",
            "--at", "2026-12-01T14:30Z", "--interviewer", "grace@example.com", "--interviewer", "alan@example.com",
        ])
        #expect(scheduled.code == 0, "\(scheduled.err)")
        let json = await cli.run("rounds list --candidate 1 --format json")
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        #expect(rows?.first?["kind"] as? String == "system_design")
        #expect(rows?.first?["scheduled_at"] as? String == "2026-12-01T14:30:00Z")
        #expect(rows?.first?["interviewers"] as? [String] == ["grace@example.com", "alan@example.com"])
    }

    @Test("scheduling with an unknown interviewer fails and stores no round")
    func unknownInterviewer() async {
        _ = await cli.run(["positions", "add", "--title", "Backend Engineer", "--rubric", "backend-engineer"])
        _ = await cli.run(["candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com"])
        let result = await cli.run([
            "rounds", "schedule", "--candidate", "1", "--position", "1", "--kind", "technical", "--at", "2026-12-01",
            "--interviewer", "ghost@example.com",
        ])
        #expect(result.code == 1)
        #expect(result.err.contains("ghost@example.com"))
        #expect(await cli.run("rounds list").out.contains("No rounds scheduled."))
    }

    @Test("a bad date is a usage error with an example")
    func badDate() async {
        let result = await cli.run([
            "rounds", "schedule", "--candidate", "1", "--position", "1", "--kind", "technical", "--at", "next tuesday",
            "--interviewer", "grace@example.com",
        ])
        #expect(result.code == 64)
        #expect(result.err.contains("2026-12-01T14:30Z"))
    }

    @Test("users are added and listed with their roles")
    func users() async throws {
        #expect(await cli.run(["users", "add", "--name", "Riley", "--email", "riley@example.com", "--role", "recruiter"]).code == 0)
        let bad = await cli.run(["users", "add", "--name", "Sam", "--email", "sam@example.com", "--role", "boss"])
        #expect(bad.code == 64)
        #expect(bad.err.contains("admin, recruiter, interviewer"))
        let list = await cli.run("users list --format json")
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["role"] as? String } == ["recruiter"])
    }

    @Test("DEBRIEF_DB names the database when --db is not given")
    func environmentDatabase() async {
        let path = cli.directory.appendingPathComponent("from-env.sqlite").path
        let added = await cli.run(
            ["positions", "add", "--title", "SRE", "--rubric", "backend-engineer"], database: false,
            environment: ["DEBRIEF_DB": path, "USER": "tester"])
        #expect(added.code == 0)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a file that is not a Debrief database is refused with exit 1 and left alone")
    func foreignFile() async throws {
        let path = cli.directory.appendingPathComponent("notes.txt").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        let result = await cli.run(["positions", "list", "--db", path], database: false)
        #expect(result.code == 1)
        #expect(result.err.contains("is not a Debrief database"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello")
    }
}
