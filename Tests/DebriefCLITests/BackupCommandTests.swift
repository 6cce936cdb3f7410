import DebriefCore
import Foundation
import GRDB
import Synchronization
import Testing

@testable import DebriefStore

/// `debrief backup` and `debrief restore` through the command line, against files on disk.
@Suite("debrief backup and restore")
struct BackupCommandTests {
    let cli = try! CLIHarness()

    private func path(_ name: String) -> String { cli.directory.appendingPathComponent(name).path }

    private func candidateEmails(in path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT email FROM candidate ORDER BY id") }
    }

    @Test("a backup taken while another connection keeps adding candidates is one consistent moment, and restores whole")
    func backupUnderLoad() async throws {
        for command in CLIHarness.panelCommands { #expect(await cli.run(command).code == 0) }
        let live = try AppDatabase.open(path: cli.databasePath)
        let stop = Atomic(false), written = Atomic(0)
        let writer = Task {
            var added = 0
            defer { written.store(.max, ordering: .releasing) }  // a writer that stops early never leaves the wait below hanging
            while !stop.load(ordering: .acquiring) && added < 5_000 {
                let candidate = try Candidate(name: "Load \(added)", email: EmailAddress("load\(added)@example.com"))
                _ = try await live.addCandidate(candidate, by: .localOperator(named: "load"))
                added += 1
                if added < 5_000 { written.store(added, ordering: .releasing) }
            }
            return added
        }
        while written.load(ordering: .acquiring) < 50 { await Task.yield() }  // the backup starts amid the writes
        let backup = path("backup.sqlite")
        let result = await cli.run(["backup", backup])
        stop.store(true, ordering: .releasing)
        let added = try await writer.value
        #expect(result.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("Backed up") && result.out.contains("schema \(AppDatabase.schemaVersion)"), "\(result.out)")
        #expect(!FileManager.default.fileExists(atPath: backup + ".partial") && !FileManager.default.fileExists(atPath: backup + "-wal"))

        let backedUp = try candidateEmails(in: backup)
        let now = try candidateEmails(in: cli.databasePath)
        #expect(backedUp.count >= 51 && now.count == 1 + added, "the live database kept every write")
        #expect(Array(now.prefix(backedUp.count)) == backedUp, "the backup is exactly the database at one moment: a prefix of the writes")

        let restoredPath = path("restored.sqlite")
        let restored = await cli.run(["restore", backup, "--db", restoredPath, "--keep-previous", path("previous.sqlite")], database: false)
        #expect(restored.code == 0, "\(restored.out)\(restored.err)")
        #expect(restored.out.contains("Restored \(restoredPath) from \(backup)") && restored.out.contains("kept in \(path("previous.sqlite"))"))
        #expect(try candidateEmails(in: restoredPath) == backedUp)
        let store = try AppDatabase.open(path: restoredPath)
        let mode = try await store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal", "the restored database is still in WAL mode")
        let audit = await cli.run(["audit", "--db", restoredPath, "--action", "restore"], database: false)
        #expect(audit.out.contains("restore database"), "the restore is in the restored database's audit log: \(audit.out)")
    }

    @Test("restore refuses a damaged, cut-short, foreign or newer backup and leaves the database as it was")
    func refusals() async throws {
        for command in CLIHarness.panelCommands { #expect(await cli.run(command).code == 0) }
        let backup = path("good.sqlite")
        #expect(await cli.run(["backup", backup]).code == 0)
        let before = try candidateEmails(in: cli.databasePath)
        let good = try Data(contentsOf: URL(fileURLWithPath: backup))

        let cut = path("cut.sqlite")
        try good.prefix(good.count - 1000).write(to: URL(fileURLWithPath: cut))
        var damagedBytes = good
        let pageSize = Int(good[16]) << 8 | Int(good[17])
        for offset in (pageSize * 2)..<(pageSize * 2 + 64) { damagedBytes[offset] = 0xFF }  // a b-tree page header
        let damaged = path("damaged.sqlite")
        try damagedBytes.write(to: URL(fileURLWithPath: damaged))
        let foreign = path("foreign.sqlite")
        let other = try DatabaseQueue(path: foreign)
        try await other.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')") }
        try other.close()
        let notThere = path("missing.sqlite")

        for (file, says) in [
            (cut, "cut short"), (damaged, "damaged"), (foreign, "not a Debrief database"), (notThere, "there is no file there"),
        ] {
            let result = await cli.run(["restore", file, "--keep-previous", path("kept-\(UUID().uuidString).sqlite")])
            #expect(result.code != 0 && result.err.contains(says), "\(file): \(result.out)\(result.err)")
            let checked = await cli.run(["restore", file, "--check"])
            #expect(checked.code != 0, "--check refuses it too")
        }
        #expect(try candidateEmails(in: cli.databasePath) == before, "nothing was replaced")
        let checked = await cli.run(["restore", backup, "--check"])
        #expect(checked.code == 0 && checked.out.contains("is a whole Debrief backup") && checked.out.contains("1 candidate,"), "\(checked.out)")
        #expect(try candidateEmails(in: cli.databasePath) == before, "--check changes nothing")
    }

    @Test("a backup never overwrites a file, and a backup from an older schema is migrated when restored")
    func overwriteAndOlderSchema() async throws {
        #expect(await cli.run(CLIHarness.panelCommands[0]).code == 0)
        let taken = path("taken.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: taken))
        let refused = await cli.run(["backup", taken])
        #expect(refused.code != 0 && refused.err.contains("never overwrites"), "\(refused.err)")
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "keep me")

        let old = path("old.sqlite")
        // An old Debrief's file: the schema as of v12, made by this build's own migrations.
        let queue = try DatabaseQueue(path: old)
        try SchemaMigrator.migrator.migrate(queue, upTo: "v12-question-titles")
        try queue.close()
        let restored = await cli.run(["restore", old, "--keep-previous", path("previous.sqlite")])
        #expect(restored.code == 0 && restored.out.contains("schema v12-question-titles"), "\(restored.out)\(restored.err)")
        let version = await cli.run(["restore", cli.databasePath, "--check"])
        #expect(version.out.contains("schema \(AppDatabase.schemaVersion)"), "migrated after restoring: \(version.out)\(version.err)")
    }

    @Test("backup and restore are admin work: a bad flag and a missing path are usage errors")
    func usage() async throws {
        #expect(await cli.run(["backup"]).code == 64)
        #expect(await cli.run(["restore"]).code == 64)
        #expect(await cli.run(["restore", "x.sqlite", "--bogus"]).code == 64)
    }
}
