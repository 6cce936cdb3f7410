/// Who is asking for a change: recorded in the audit log of every write.
public struct Principal: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How the audit log names this principal: a user's email, or `cli:NAME` for a local operator.
    public let label: String
    public let userID: Int64?
    public let role: Role

    public init(label: String, userID: Int64? = nil, role: Role) {
        self.label = label
        self.userID = userID
        self.role = role
    }

    /// A signed-in user of Debrief.
    public init(user: User) {
        self.init(label: user.email.value, userID: user.id, role: user.role)
    }

    /// Someone running the CLI on the database file itself: they can already read and write the
    /// file, so they act as an admin, and the audit log names their operating-system account.
    public static func localOperator(named name: String) -> Principal {
        Principal(label: "cli:\(name.isEmpty ? "unknown" : name)", role: .admin)
    }

    public var description: String { label }
}
