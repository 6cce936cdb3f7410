import GRDB

/// Audit events remember the HTTP request that made them (its `X-Request-Id`), so a log line and
/// the change it describes can be found from each other.
enum AuditRequestMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE audit_event ADD COLUMN request_id TEXT CHECK (request_id IS NULL OR length(request_id) BETWEEN 1 AND 128)")
    }
}
