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
        return try await read { db in
            guard
                let record = try AccessTokenRecord.filter(Column("digest") == digest && Column("revoked_at") == nil)
                    .filter(Column("expires_at") > now).fetchOne(db),
                let user = try UserRecord.filter(key: record.userId).filter(sql: "deactivated_at IS NULL").fetchOne(db)
            else { return nil }
            return AccessTokenSession(principal: Principal(user: try user.domain()), expiresAt: record.expiresAt)
        }
    }
}

/// Who a token signs in, and until when.
public struct AccessTokenSession: Sendable, Equatable {
    public let principal: Principal
    public let expiresAt: Date
}
