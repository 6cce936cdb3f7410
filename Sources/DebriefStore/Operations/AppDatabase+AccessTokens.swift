import DebriefCore
import Foundation
import GRDB

extension AppDatabase {
    /// Issues a new access token to the user with `email`; the returned secret is not stored anywhere.
    public func issueAccessToken(
        to email: EmailAddress, label: String, lifetime: TimeInterval, now: Date = Date(), by principal: Principal
    ) async throws(StoreError) -> IssuedAccessToken {
        let checkedLabel: String
        do { checkedLabel = try AccessToken.label(label) } catch { throw .invalid(error) }
        guard lifetime > 0 else { throw .invalid(FieldError(field: "lifetime", "a token must be valid for some time")) }
        let token = AccessToken.generate()
        return try await write { db in
            let user = try Self.fetchUser(db, email: email)
            var record = AccessTokenRecord(
                userId: user.id ?? 0, digest: token.digest, label: checkedLabel, createdAt: now.storedPrecision,
                expiresAt: now.addingTimeInterval(lifetime).storedPrecision)
            try record.insert(db)
            try AuditLog.record(db, by: principal, action: "create", entity: "access_token", entityID: record.id, after: record.auditView)
            return IssuedAccessToken(token: token, user: user, label: checkedLabel, expiresAt: record.expiresAt)
        }
    }

    /// The person a presented token signs in and until when, or nil when it is unknown, expired or revoked.
    public func session(presenting token: AccessToken, now: Date = Date()) async throws(StoreError) -> AccessTokenSession? {
        let digest = token.digest
        return try lookUp { db in
            // Every API request asks this: one statement, prepared once per connection, token joined to its user.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT u.*, t.expires_at AS token_expires_at FROM access_token t JOIN user u ON u.id = t.user_id
                    WHERE t.digest = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.deactivated_at IS NULL
                    """)
            guard let row = try Row.fetchOne(statement, arguments: [digest, StoredTimestamp.text(of: now)]) else { return nil }
            return AccessTokenSession(principal: Principal(user: try UserRecord(row: row).domain()), expiresAt: row["token_expires_at"])
        }
    }
}

/// Who a token signs in, and until when.
public struct AccessTokenSession: Sendable, Equatable {
    public let principal: Principal
    public let expiresAt: Date
}
