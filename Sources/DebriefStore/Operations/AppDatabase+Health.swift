extension AppDatabase {
    /// Runs a trivial read, so a caller can tell the database is there and readable.
    public func ping() async throws(StoreError) {
        _ = try await read { db in try db.tableExists("audit_event") }
    }
}
