import DebriefCore
import Foundation
import GRDB

extension AppDatabase {
    /// Revokes every live access token of the user and ends every browser session, in one
    /// transaction with its audit events; returns how many of each were live.
    public func revokeCredentials(of email: EmailAddress, now: Date = Date(), by principal: Principal) async throws(StoreError) -> (
        tokens: Int, sessions: Int
    ) {
        try await write { db in
            let user = try Self.fetchUser(db, email: email)
            let live = try AccessTokenRecord.filter(Column("user_id") == user.id && Column("revoked_at") == nil).fetchAll(db)
            for var record in live {
                let before = record.auditView
                record.revokedAt = now.storedPrecision
                try record.update(db)
                try AuditLog.record(
                    db, by: principal, action: "revoke", entity: "access_token", entityID: record.id, before: before, after: record.auditView)
            }
            try Self.endSessions(db, userID: user.id ?? 0, now: now)
            let ended = db.changesCount
            if ended > 0 {
                try AuditLog.record(db, by: principal, action: "end sessions", entity: "user", entityID: user.id, after: ["sessions": ended])
            }
            return (live.count, ended)
        }
    }

    /// Gives the user another role, with its audit event. The last admin who can sign in stays an admin.
    public func setRole(_ role: Role, email: EmailAddress, by principal: Principal) async throws(StoreError) -> User {
        try await write { db in
            let before = try Self.fetchUser(db, email: email)
            guard before.role != role else { return before }
            if before.role == .admin { try Self.requireAnotherAdmin(db, besides: before) }
            try db.execute(sql: "UPDATE user SET role = ? WHERE id = ?", arguments: [role.rawValue, before.id])
            var after = before
            after.role = role
            try AuditLog.record(db, by: principal, action: "change role", entity: "user", entityID: before.id, before: before, after: after)
            return after
        }
    }

    /// Refuses a change that would leave no admin able to sign in.
    static func requireAnotherAdmin(_ db: Database, besides user: User) throws {
        let others =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM user WHERE role = 'admin' AND deactivated_at IS NULL AND id != ?", arguments: [user.id]) ?? 0
        guard others > 0 else {
            throw StoreError.invalid(FieldError(field: "role", "\(user.name) is the last admin who can sign in; make someone else an admin first"))
        }
    }
}

/// Which audit events to list: all of them by default, newest first.
public struct AuditFilter: Sendable, Equatable {
    /// Part of the actor's label (an email, `cli:NAME`), any case.
    public var actor: String?
    public var entity: String?
    /// Only events about this record of `entity`.
    public var entityID: Int64?
    public var action: String?
    /// Events at or after this moment, and before `until`.
    public var since: Date?
    public var until: Date?
    /// Only events older than the one with this id: where the previous page of a cursor list ended.
    public var beforeID: Int64?
    public var limit: Int
    public var offset: Int

    public init(
        actor: String? = nil, entity: String? = nil, entityID: Int64? = nil, action: String? = nil, since: Date? = nil, until: Date? = nil,
        beforeID: Int64? = nil, limit: Int = 50, offset: Int = 0
    ) {
        self.beforeID = beforeID
        self.actor = actor
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}

extension AppDatabase {
    /// One page of the audit log as `filter` narrows it, newest first, and how many events match in all.
    public func auditLog(_ filter: AuditFilter) async throws(StoreError) -> (events: [AuditEvent], total: Int) {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let actor = filter.actor, !actor.isEmpty {
                conditions.append("actor LIKE ? ESCAPE '\\'")
                arguments += ["%" + Self.likeEscaped(actor) + "%"]
            }
            if let entity = filter.entity, !entity.isEmpty {
                conditions.append("entity = ?")
                arguments += [entity]
            }
            if let entityID = filter.entityID {
                conditions.append("entity_id = ?")
                arguments += [entityID]
            }
            if let action = filter.action, !action.isEmpty {
                conditions.append("action = ?")
                arguments += [action]
            }
            if let since = filter.since {
                conditions.append("at >= ?")
                arguments += [since.storedPrecision]
            }
            if let until = filter.until {
                conditions.append("at < ?")
                arguments += [until.storedPrecision]
            }
            if let beforeID = filter.beforeID {
                conditions.append("id < ?")
                arguments += [beforeID]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event \(whereClause)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_event \(whereClause) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [filter.limit, filter.offset])
            return (rows.map(AuditEvent.init(row:)), total)
        }
    }

    /// The entities and actions the audit log holds, for its filters.
    public func auditVocabulary() async throws(StoreError) -> (entities: [String], actions: [String]) {
        try await read { db in
            (
                try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM audit_event ORDER BY entity"),
                try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_event ORDER BY action")
            )
        }
    }
}
