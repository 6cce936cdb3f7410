import Foundation

/// What a person may do in Debrief.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// Manages users and everything else.
    case admin
    /// Manages positions, candidates and rounds, and reads every scorecard.
    case recruiter
    /// Submits scorecards for the rounds they sit on.
    case interviewer

    public init(parsing text: String) throws(FieldError) {
        guard let role = Role(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw FieldError(field: "role", "'\(text)' is not a role; use one of: admin, recruiter, interviewer")
        }
        self = role
    }
}

/// A person who uses Debrief: recruiters, interviewers and admins.
public struct User: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var email: EmailAddress
    public var role: Role
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, email: EmailAddress, role: Role, createdAt: Date = Date()) throws(FieldError) {
        self.id = id
        self.name = try Text.required(name, field: "name")
        self.email = email
        self.role = role
        self.createdAt = createdAt
    }
}
