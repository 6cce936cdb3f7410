import DebriefCore
import DebriefStore
import Foundation

/// Tokens and sessions: everyone manages their own; admins everyone's.
extension DebriefService {
    /// The tokens or sessions of `userID` (the principal's own when nil; everyone's for an admin asking with `everyone`).
    public func credentials(_ kind: Credential.Kind, of userID: Int64?, everyone: Bool = false, by principal: Principal) async throws -> [Credential]
    {
        if everyone {
            try require(.manageUsers, principal)
            return try await database.credentials(kind, userID: nil)
        }
        return try await database.credentials(kind, userID: try owner(userID, principal))
    }

    /// Revokes a token or ends a session of the principal's own, or anyone's for an admin.
    public func endCredential(_ kind: Credential.Kind, id: Int64, by principal: Principal) async throws {
        let ownerID: Int64? = AccessPolicy.permits(principal, .manageUsers) ? nil : try owner(nil, principal)
        try await database.endCredential(kind, id: id, ownerID: ownerID, by: principal)
    }

    /// Issues an access token to `userID` (the principal when nil; another person only for an admin).
    public func issueToken(to userID: Int64?, label: String, days: Int, by principal: Principal) async throws -> IssuedAccessToken {
        guard (1...365).contains(days) else { throw FieldError(field: "days", "a token is valid for 1 to 365 days, not \(days)") }
        let user = try await database.user(id: try owner(userID, principal))
        return try await database.issueAccessToken(to: user.email, label: label, lifetime: TimeInterval(days) * 86_400, by: principal)
    }

    private func owner(_ userID: Int64?, _ principal: Principal) throws(ServiceError) -> Int64 {
        if let userID, userID != principal.userID {
            try require(.manageUsers, principal)
            return userID
        }
        guard let own = principal.userID else { throw ServiceError.forbidden("\(principal.label) is not a user of Debrief") }
        return own
    }
}
