import DebriefCore
import Foundation
import GRDB

/// A user with what signing in checks: the bcrypt hash of their password, and whether they may sign in.
public struct SignInAccount: Sendable {
    public let user: User
    public let passwordHash: String?
    public let deactivated: Bool
}

extension AppDatabase {
    /// The account behind an email, or nil when there is none (the caller answers as for a wrong password).
    public func signInAccount(email: EmailAddress) async throws(StoreError) -> SignInAccount? {
        try await read { db in try Self.signInAccount(db, email: email) }
    }

    static func signInAccount(_ db: Database, email: EmailAddress) throws -> SignInAccount? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email.value]) else { return nil }
        return SignInAccount(
            user: try UserRecord(row: row).domain(), passwordHash: row["password_hash"], deactivated: row["deactivated_at"] as Date? != nil)
    }

    /// Stores a new password hash for the user and ends their browser sessions, in one transaction
    /// with its audit event (which names the change, never the hash).
    public func setPasswordHash(_ hash: String, for email: EmailAddress, now: Date = Date(), by principal: Principal) async throws(StoreError) {
        try await write { db in try Self.setPasswordHash(db, hash, userID: Self.fetchUser(db, email: email).id ?? 0, now: now, by: principal) }
    }

    static func setPasswordHash(_ db: Database, _ hash: String, userID: Int64, now: Date, by principal: Principal) throws {
        try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
        try endSessions(db, userID: userID, now: now)
        try AuditLog.record(db, by: principal, action: "set password", entity: "user", entityID: userID)
    }

    /// Deactivates (or reactivates) a user: a deactivated user cannot sign in, their browser sessions
    /// end and their access tokens stop working, while their scorecards stay and still count.
    public func setDeactivated(_ deactivated: Bool, email: EmailAddress, now: Date = Date(), by principal: Principal) async throws(StoreError) {
        try await write { db in
            let user = try Self.fetchUser(db, email: email)
            let userID = user.id ?? 0
            if deactivated && user.role == .admin { try Self.requireAnotherAdmin(db, besides: user) }
            try db.execute(
                sql: "UPDATE user SET deactivated_at = ? WHERE id = ?", arguments: [deactivated ? now.storedPrecision : nil, userID])
            if deactivated { try Self.endSessions(db, userID: userID, now: now) }
            try AuditLog.record(db, by: principal, action: deactivated ? "deactivate" : "reactivate", entity: "user", entityID: userID)
        }
    }

    /// Records one sign-in attempt (and, for a known account, its audit event).
    public func recordSignInAttempt(
        email: String, client: String, succeeded: Bool, userID: Int64?, now: Date = Date()
    ) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sign_in_attempt (at, email, client, succeeded) VALUES (?, ?, ?, ?)",
                arguments: [now.storedPrecision, email.lowercased(), client, succeeded])
            try AuditLog.record(
                db, by: Self.signInActor(email, userID), action: succeeded ? "sign in" : "sign-in failure", entity: "user", entityID: userID,
                after: ["client": client])
        }
    }

    /// Records that an attempt was refused because of earlier failures.
    public func recordLockout(email: String, client: String, userID: Int64?) async throws(StoreError) {
        try await write { db in
            try AuditLog.record(
                db, by: Self.signInActor(email, userID), action: "sign-in lockout", entity: "user", entityID: userID, after: ["client": client])
        }
    }

    /// Who the audit log names for a sign-in attempt: the email typed (the role is not known, and not used there).
    private static func signInActor(_ email: String, _ userID: Int64?) -> Principal {
        Principal(label: email.lowercased(), userID: userID, role: .interviewer)
    }

    /// The times of failed attempts since `since`, for an email and for a client address.
    public func signInFailures(email: String, client: String, since: Date) async throws(StoreError) -> (account: [Date], client: [Date]) {
        try await read { db in
            let sql = "SELECT at FROM sign_in_attempt WHERE succeeded = 0 AND at >= ? AND "
            return (
                try Date.fetchAll(db, sql: sql + "email = ?", arguments: [since.storedPrecision, email.lowercased()]),
                try Date.fetchAll(db, sql: sql + "client = ?", arguments: [since.storedPrecision, client])
            )
        }
    }
}
