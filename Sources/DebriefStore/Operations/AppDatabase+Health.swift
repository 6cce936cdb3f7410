import GRDB

extension AppDatabase {
    /// Runs a trivial read, so a caller can tell the database is there and readable.
    public func ping() async throws(StoreError) {
        _ = try await read { db in try db.tableExists("audit_event") }
    }

    /// The migrations this build knows that the database has not applied (empty when it is current).
    public func pendingMigrations() async throws(StoreError) -> [String] {
        try await read { db in
            let applied = try SchemaMigrator.migrator.appliedIdentifiers(db)
            return SchemaMigrator.migrator.migrations.filter { !applied.contains($0) }
        }
    }
}
