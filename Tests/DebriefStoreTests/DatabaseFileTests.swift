import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Database files")
struct DatabaseFileTests {
    let admin = StoreFixtures.admin

    @Test("a new file is created, migrated, and keeps its data when reopened")
    func createAndReopen() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("debrief.sqlite").path
            let first = try AppDatabase.open(path: path)
            let stored = try await first.addCandidate(StoreFixtures.candidate(), by: admin)
            let reopened = try AppDatabase.open(path: path)
            #expect(try await reopened.candidates() == [stored])
        }
    }

    /// `PRAGMA name` on the writer of a database file opened as Debrief opens it.
    private func writerPragma(_ name: String) async throws -> Int? {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try AppDatabase.open(path: directory.appendingPathComponent("pragmas.sqlite").path)
            #expect(try await store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            return try await store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA \(name)") }
        }
    }

    @Test("every commit to a file waits for the disk (synchronous FULL), though GRDB's WAL mode would set NORMAL")
    func commitsAreDurable() async throws {
        #expect(try await writerPragma("synchronous") == 2, "2 is FULL")
    }

    @Test("the writer keeps its savepoints' journal in memory (temp_store MEMORY), not in a temporary file per group of writes")
    func savepointJournalInMemory() async throws {
        #expect(try await writerPragma("temp_store") == 2, "2 is MEMORY")
    }

    @Test("opening a file another connection holds locked for a moment waits for it rather than failing")
    func waitsForALock() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("locked.sqlite").path
            _ = try AppDatabase.open(path: path)
            // As a connection closing the file last does while it checkpoints: an exclusive lock, briefly.
            let holder = try DatabaseQueue(path: path)
            try await holder.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let locked = DispatchSemaphore(value: 0)
            let release = Task.detached {
                try holder.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    locked.signal()
                    Thread.sleep(forTimeInterval: 0.3)
                    try db.execute(sql: "COMMIT")
                }
            }
            locked.wait()
            let store = try AppDatabase.open(path: path)
            #expect(try await store.positions().isEmpty)
            try await release.value
        }
    }

    @Test("an empty file becomes a new database")
    func emptyFile() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("empty.sqlite").path
            FileManager.default.createFile(atPath: path, contents: Data())
            let store = try AppDatabase.open(path: path)
            #expect(try await store.positions().isEmpty)
        }
    }

    @Test("a database that an older build migrated part-way opens and migrates the rest", arguments: SchemaMigrator.migrator.migrations)
    func migratesOlderFile(upTo migration: String) async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("old.sqlite").path
            let queue = try DatabaseQueue(path: path)
            try SchemaMigrator.migrator.migrate(queue, upTo: migration)
            try queue.close()
            let store = try AppDatabase.open(path: path)
            let applied = try await store.read { db in try SchemaMigrator.migrator.appliedMigrations(db) }
            #expect(applied == SchemaMigrator.migrator.migrations)
        }
    }

    @Test("titled questions stored before titles were searchable are found by their titles once migrated")
    func titlesIndexedByMigration() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("titled.sqlite").path
            let queue = try DatabaseQueue(path: path)
            try SchemaMigrator.migrator.migrate(queue, upTo: "v12-question-titles")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO question_set (title, source, content_hash, version, imported_at) VALUES ('Design', 'page.html', 'abc', 1, '2026-01-01 00:00:00');
                        INSERT INTO question (set_id, ordinal, text, title) VALUES (1, 1, 'Why should an object talk only to its neighbours?', 'Law of Demeter');
                        """)
            }
            try queue.close()
            let store = try AppDatabase.open(path: path)
            let found = try await store.searchQuestions(QuestionQuery(text: "demeter"))
            #expect(found.total == 1 && found.hits.first?.question.title == "Law of Demeter")
            let answerOnly = try await store.searchQuestions(QuestionQuery(text: "neighbours"))
            #expect(answerOnly.total == 1, "the question's own words are still indexed")
        }
    }

    @Test("a SQLite file of another application is refused and left byte-for-byte untouched")
    func foreignSQLite() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("other.sqlite").path
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1)") }
            try queue.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: path) }
            guard case .notADebriefDatabase(let reportedPath, let reason) = error else {
                Issue.record("expected notADebriefDatabase, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == path)
            #expect(reason.contains("invoices"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test("a file that is not SQLite at all is refused and left untouched")
    func notSQLite() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("notes.txt").path
            let content = Data("name,email\nAda,ada@example.com\n".utf8)
            FileManager.default.createFile(atPath: path, contents: content)
            #expect(throws: StoreError.notADebriefDatabase(path: path, reason: "it is not a SQLite file")) { try AppDatabase.open(path: path) }
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(after == content)
        }
    }

    @Test("a database from a newer Debrief is refused rather than guessed at")
    func newerSchema() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("future.sqlite").path
            _ = try AppDatabase.open(path: path)
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-from-the-future')") }
            try queue.close()
            #expect(throws: StoreError.newerSchema(path: path)) { try AppDatabase.open(path: path) }
        }
    }

    @Test("a directory is not a database")
    func directory() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            #expect(throws: StoreError.self) { try AppDatabase.open(path: directory.path) }
        }
    }
}
