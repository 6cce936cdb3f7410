import DebriefCore
import Foundation
import GRDB

/// Writes audit events inside the caller's transaction, so an event exists exactly when its change does.
enum AuditLog {
    private struct Record: StoredRecord {
        static let databaseTableName = "audit_event"
        var id: Int64?
        var at: Date
        var actor: String
        var action: String
        var entity: String
        var entityId: Int64?
        var before: String?
        var after: String?
        var requestId: String?
    }

    static func record(
        _ db: Database, by principal: Principal, action: String, entity: String, entityID: Int64?,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil
    ) throws {
        var event = Record(
            at: Date(), actor: principal.label, action: action, entity: entity, entityId: entityID,
            before: try before.map(json), after: try after.map(json), requestId: AuditContext.requestID)
        try event.insert(db)
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
