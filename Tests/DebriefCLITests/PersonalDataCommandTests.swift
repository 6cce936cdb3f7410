import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

/// `debrief candidates export` and `debrief candidates erase` through the command line.
@Suite("debrief candidates export and erase")
struct PersonalDataCommandTests {
    let cli = try! CLIHarness()
    /// What only Ada's data holds, so that finding any of it in the files means it was not erased.
    static let secrets = [
        "Ada Lovelace", "ada@example.com", "+44 20 7946 0958", "Brilliant on analytical engines", "Asked about the Difference Engine",
    ]

    private func setUp() async throws {
        for command in CLIHarness.panelCommands {
            var command = command
            if command.starts(with: ["candidates", "add"]) { command += ["--phone", "+44 20 7946 0958", "--source", "referral"] }
            #expect(await cli.run(command).code == 0)
        }
        let page = cli.directory.appendingPathComponent("questions.html").path
        try "<title>Basics</title><h2>Basics</h2><h3>What is a mutex?</h3><p>A lock.</p><h3>What is a semaphore?</h3><p>A counter.</p>"
            .write(toFile: page, atomically: true, encoding: .utf8)
        #expect(await cli.run(["import", page]).code == 0)
        let card = cli.directory.appendingPathComponent("card.yaml").path
        try """
        round: 1
        interviewer: grace@example.com
        recommendation: yes
        notes: Brilliant on analytical engines.
        ratings: {fundamentals: 4, apis-http: 3}
        questions:
          - {question: 1, competency: fundamentals, rating: 4, note: Asked about the Difference Engine}
        """.write(toFile: card, atomically: true, encoding: .utf8)
        let submitted = await cli.run(["scorecards", "submit", "--file", card])
        #expect(submitted.code == 0, "\(submitted.out)\(submitted.err)")
        if submitted.code != 0 { Issue.record("\(submitted.err)") }
        #expect(await cli.run(["candidates", "add", "--name", "Grace Brewster", "--email", "brewster@example.com"]).code == 0)
    }

    @Test("export holds the record, the rounds with their panels, the scorecards with notes, and the audit events")
    func export() async throws {
        try await setUp()
        let result = await cli.run(["candidates", "export", "ada@example.com"])
        #expect(result.code == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect((json["candidate"] as? [String: Any])?["phone"] as? String == "+44 20 7946 0958")
        let rounds = try #require(json["rounds"] as? [[String: Any]])
        #expect(rounds.count == 1 && rounds[0]["position_title"] as? String == "Backend Engineer")
        #expect((rounds[0]["panel"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["grace@example.com", "alan@example.com"])
        #expect(((rounds[0]["scorecards"] as? [[String: Any]])?.first?["notes"] as? String)?.contains("analytical engines") == true)
        let actions = (json["audit_events"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        #expect(actions.contains("create") && actions.contains("schedule") && actions.contains("submit"), "\(actions)")
        #expect(!result.out.contains("brewster"), "nobody else's data")
        #expect(await cli.run(["candidates", "export", "nobody@example.com"]).code != 0)
    }

    @Test("erase removes the person's data from every table, the audit log and the files, and keeps the ratings")
    func erase() async throws {
        try await setUp()
        // A server's connection stays open throughout, as in production: the erasure must still reach the files.
        let live = try AppDatabase.open(path: cli.databasePath)
        _ = try await live.candidates()
        #expect(await cli.run(["candidates", "erase", "ada@example.com"]).code == 64, "--yes is required")
        let erased = await cli.run(["candidates", "erase", "ada@example.com", "--yes"])
        #expect(erased.code == 0 && erased.out.contains("Erased the personal data of candidate #1"), "\(erased.out)\(erased.err)")

        for file in [cli.databasePath, cli.databasePath + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in Self.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in \(file)")
            }
        }
        let queue = try DatabaseQueue(path: cli.databasePath)
        let (values, erasedEvent, others) = try await queue.read { db in
            (
                try Int.fetchAll(db, sql: "SELECT value FROM rating ORDER BY id"),
                try String.fetchOne(db, sql: "SELECT after FROM audit_event WHERE action = 'erase'"),
                try String.fetchOne(db, sql: "SELECT name FROM candidate WHERE email = 'brewster@example.com'")
            )
        }
        try queue.close()
        #expect(values == [4, 3, 4], "the ratings stay, so statistics stay valid")
        #expect(erasedEvent?.contains("\"candidate_id\":1") == true && erasedEvent?.contains("Ada") == false)
        #expect(others == "Grace Brewster", "nobody else is touched")
        let shown = await cli.run(["candidates", "show", "1"])
        #expect(shown.out.contains("Erased candidate #1"), "\(shown.out)")
        #expect(await cli.run(["candidates", "erase", "1", "--yes"]).err.contains("erased already"))
        let moved = await cli.run(["candidates", "move", "1", "--to", "rejected"])
        #expect(moved.code == 1 && moved.err.contains("cannot be changed, moved or scheduled"), "\(moved.err)")
        let scheduled = await cli.run([
            "rounds", "schedule", "--candidate", "1", "--position", "1", "--kind", "technical", "--at", "2026-12-01T10:00Z",
            "--interviewer", "grace@example.com",
        ])
        #expect(scheduled.code == 1 && scheduled.err.contains("erased"), "\(scheduled.err)")
        let report = await cli.run(["report", "position", "1", "--format", "json"])
        #expect(report.code == 0 && !report.out.contains("Ada"), "the report still runs, anonymised")
    }
}
