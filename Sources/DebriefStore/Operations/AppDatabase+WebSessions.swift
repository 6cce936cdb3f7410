import DebriefCore
import Foundation
import GRDB

/// A browser session that a presented secret opens.
public struct WebSession: Sendable, Equatable {
    public let principal: Principal
    /// When it ends at the latest (the absolute limit).
    public let expiresAt: Date
}

extension AppDatabase {
    /// Starts a session for the user; only the secret's digest is stored.
    public func startWebSession(_ token: AccessToken, userID: Int64, now: Date = Date()) async throws(StoreError) -> Date {
        let expires = now.addingTimeInterval(SessionLifetime.absolute).storedPrecision
        try await write { db in
            try db.execute(
                sql: "INSERT INTO web_session (user_id, digest, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [userID, token.digest, now.storedPrecision, now.storedPrecision, expires])
        }
        return expires
    }

    /// The person a session secret signs in, or nil when the session is unknown, ended, idle too
    /// long, past its absolute limit, or its user deactivated. Using it counts as activity.
    public func webSession(presenting token: AccessToken, now: Date = Date()) async throws(StoreError) -> WebSession? {
        let digest = token.digest
        return try await write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.id AS session_id, s.expires_at AS session_expires_at, u.* FROM web_session s JOIN user u ON u.id = s.user_id
                        WHERE s.digest = ? AND s.ended_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ? AND u.deactivated_at IS NULL
                        """, arguments: [digest, now, now.addingTimeInterval(-SessionLifetime.idle)])
            else { return nil }
            let sessionID: Int64 = row["session_id"]
            try db.execute(sql: "UPDATE web_session SET last_seen_at = ? WHERE id = ?", arguments: [now.storedPrecision, sessionID])
            return WebSession(principal: Principal(user: try UserRecord(row: row).domain()), expiresAt: row["session_expires_at"])
        }
    }

    /// Ends the session a secret opens (signing out); nothing happens for an unknown one.
    public func endWebSession(presenting token: AccessToken, now: Date = Date()) async throws(StoreError) {
        let digest = token.digest
        try await write { db in
            try db.execute(
                sql: "UPDATE web_session SET ended_at = ? WHERE digest = ? AND ended_at IS NULL", arguments: [now.storedPrecision, digest])
        }
    }

    static func endSessions(_ db: Database, userID: Int64, now: Date) throws {
        try db.execute(
            sql: "UPDATE web_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL", arguments: [now.storedPrecision, userID])
    }
}
