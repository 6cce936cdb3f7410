import DebriefCore
import Foundation
import GRDB

extension AppDatabase {
    /// Creates a one-time invite for the user, valid for `SessionLifetime.invite`; only its digest is stored.
    public func createInvite(_ token: AccessToken, for email: EmailAddress, now: Date = Date(), by principal: Principal) async throws(StoreError)
        -> (user: User, expiresAt: Date)
    {
        let expires = now.addingTimeInterval(SessionLifetime.invite).storedPrecision
        return try await write { db in
            let user = try Self.fetchUser(db, email: email)
            try db.execute(
                sql: "INSERT INTO invite (user_id, digest, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [user.id, token.digest, now.storedPrecision, expires])
            try AuditLog.record(db, by: principal, action: "invite", entity: "user", entityID: user.id, after: ["expires_at": expires])
            return (user, expires)
        }
    }

    /// The user an unused, unexpired invite is for, or nil.
    public func invitedUser(presenting token: AccessToken, now: Date = Date()) async throws(StoreError) -> User? {
        let digest = token.digest
        return try await read { db in try Self.invitedUserRecord(db, digest: digest, now: now).map { try $0.user.domain() } }
    }

    /// Uses an invite: sets the password hash and marks the invite used, in one transaction; nil when
    /// the invite is unknown, used or expired.
    public func redeemInvite(_ token: AccessToken, passwordHash: String, now: Date = Date()) async throws(StoreError) -> User? {
        let digest = token.digest
        return try await write { db in
            guard let found = try Self.invitedUserRecord(db, digest: digest, now: now) else { return nil }
            let user = try found.user.domain()
            try db.execute(sql: "UPDATE invite SET used_at = ? WHERE id = ?", arguments: [now.storedPrecision, found.inviteID])
            try Self.setPasswordHash(db, passwordHash, userID: user.id ?? 0, now: now, by: Principal(user: user))
            return user
        }
    }

    private static func invitedUserRecord(_ db: Database, digest: String, now: Date) throws -> (user: UserRecord, inviteID: Int64)? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT i.id AS invite_id, u.* FROM invite i JOIN user u ON u.id = i.user_id
                    WHERE i.digest = ? AND i.used_at IS NULL AND i.expires_at > ? AND u.deactivated_at IS NULL
                    """, arguments: [digest, now])
        else { return nil }
        return (try UserRecord(row: row), row["invite_id"])
    }
}
