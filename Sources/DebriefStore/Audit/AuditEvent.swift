import Foundation
import GRDB

/// One entry of the append-only audit log: who changed what, when, and how it looked before and after.
public struct AuditEvent: Hashable, Sendable, Codable {
    public var id: Int64?
    public var at: Date
    /// The principal's label: a user's email or `cli:NAME`.
    public var actor: String
    /// What happened, as a verb: `create`, `move`, `schedule`, `submit`, ...
    public var action: String
    /// The table the change was made to.
    public var entity: String
    public var entityID: Int64?
    /// JSON summaries of the record before and after the change (nil for creation and deletion).
    public var before: String?
    public var after: String?
    /// The id of the HTTP request that made the change (its `X-Request-Id`); nil for the CLI.
    public var requestID: String?

    private enum CodingKeys: String, CodingKey {
        case id, at, actor, action, entity, before, after
        case entityID = "entityId", requestID = "requestId"
    }
}

extension AuditEvent {
    /// The event of an `audit_event` row.
    init(row: Row) {
        self.init(
            id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"], entityID: row["entity_id"],
            before: row["before"], after: row["after"], requestID: row["request_id"])
    }
}

/// What the audit log records about the request a change is part of, bound by the server per request.
public enum AuditContext {
    @TaskLocal public static var requestID: String?
}
