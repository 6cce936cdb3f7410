import GRDB
import Testing

@testable import DebriefStore

@Suite("Readiness")
struct ReadinessTests {
    @Test("a migrated database has no pending migrations; one that lost a migration's record says which")
    func pending() async throws {
        let store = try AppDatabase.inMemory()
        #expect(try await store.pendingMigrations().isEmpty)
        try await store.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [AppDatabase.schemaVersion])
        }
        #expect(try await store.pendingMigrations() == [AppDatabase.schemaVersion])
    }
}
