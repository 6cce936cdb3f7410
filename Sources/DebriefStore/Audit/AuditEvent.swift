import Foundation

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
}
