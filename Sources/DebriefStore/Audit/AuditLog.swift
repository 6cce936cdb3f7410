import DebriefCore
import Foundation
import GRDB

/// Writes audit events inside the caller's transaction, so an event exists exactly when its change does.
enum AuditLog {
    /// Writes one event. One cached statement, its time written as GRDB writes a date
    /// (`StoredTimestamp`): every write stores an event, and GRDB's record insert (Codable, every
    /// column name snake_cased, the date through Foundation's formatter) was a sixth of a
    /// scorecard's write transaction.
    static func record(
        _ db: Database, by principal: Principal, action: String, entity: String, entityID: Int64?,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil
    ) throws {
        try record(db, by: principal, action: action, entity: entity, entityID: entityID, before: before, encodedAfter: try after.map(json))
    }

    /// The same, with the value after the change already encoded (`JSONText.compactString`), for
    /// a caller that hands the same JSON on.
    static func record(
        _ db: Database, by principal: Principal, action: String, entity: String, entityID: Int64?, before: (any Encodable)?, encodedAfter: String?
    ) throws {
        let insert = try db.cachedStatement(sql: insertSQL)
        try insert.execute(arguments: [
            StoredTimestamp.text(of: Date()), principal.label, action, entity, entityID, try before.map(json), encodedAfter, AuditContext.requestID,
        ])
    }

    /// Inserts a new record and its `create` event; returns the stored value that `domain` makes of it.
    static func insert<Stored: StoredRecord, Value: Encodable>(
        _ record: Stored, entity: String, _ db: Database, by principal: Principal, domain: (Stored) throws -> Value
    ) throws -> Value {
        var record = record
        try record.insert(db)
        let stored = try domain(record)
        try Self.record(db, by: principal, action: "create", entity: entity, entityID: record.id, after: stored)
        return stored
    }

    /// Every column of `audit_event` but `id`, in the order `record` binds them.
    static let insertedColumns = ["at", "actor", "action", "entity", "entity_id", "before", "after", "request_id"]
    private static let insertSQL = StatementText.insert(into: "audit_event", columns: insertedColumns)

    private static func json(_ value: any Encodable) throws -> String {
        try JSONText.compactString(value)
    }
}

extension AppDatabase {
    /// The newest audit events first, optionally for one entity (and one record of it).
    public func auditEvents(entity: String? = nil, entityID: Int64? = nil, limit: Int = 100) async throws(StoreError) -> [AuditEvent] {
        try await auditLog(AuditFilter(entity: entity, entityID: entityID, limit: limit)).events
    }
}
