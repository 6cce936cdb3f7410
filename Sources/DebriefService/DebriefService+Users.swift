import DebriefCore
import DebriefStore
import Foundation

extension DebriefService {
    /// Every user with their sign-in state and live credentials.
    public func accounts(by principal: Principal) async throws -> [UserAccount] {
        try require(.manageUsers, principal)
        return try await database.accounts()
    }

    /// Gives a user another role; the last admin who can sign in stays one.
    public func changeRole(of email: EmailAddress, to role: Role, by principal: Principal) async throws -> User {
        try require(.manageUsers, principal)
        return try await database.setRole(role, email: email, by: principal)
    }

    /// Deactivates or reactivates a user. Nobody deactivates their own account (they would be
    /// locked out mid-task), and the last admin who can sign in stays active.
    public func setActive(_ active: Bool, email: EmailAddress, by principal: Principal) async throws {
        try require(.manageUsers, principal)
        if !active, let userID = principal.userID, try await database.user(email: email).id == userID {
            throw FieldError(field: "user", "you cannot deactivate your own account; ask another admin")
        }
        try await database.setDeactivated(!active, email: email, by: principal)
    }

    /// Revokes every access token of the user and ends every browser session, in one transaction.
    public func revokeCredentials(of email: EmailAddress, by principal: Principal) async throws -> (tokens: Int, sessions: Int) {
        try require(.manageUsers, principal)
        return try await database.revokeCredentials(of: email, by: principal)
    }

    /// One page of the audit log, newest first.
    public func auditLog(_ filter: AuditFilter, by principal: Principal) async throws -> (events: [AuditEvent], total: Int) {
        try require(.manageUsers, principal)
        return try await database.auditLog(filter)
    }
}
