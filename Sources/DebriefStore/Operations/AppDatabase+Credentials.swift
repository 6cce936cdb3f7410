import DebriefCore
import Foundation
import GRDB

/// A credential a person holds: an access token for scripts or a browser's session. Never its secret.
public struct Credential: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case token, session
    }
    public let kind: Kind
    public let id: Int64
    public let userId: Int64
    /// A token's label; nil for a session.
    public let label: String?
    public let createdAt: Date
    /// When a session was last used; nil for a token.
    public let lastSeenAt: Date?
    public let expiresAt: Date
    /// When it was revoked (a token) or ended (a session); nil while it has not been.
    public let endedAt: Date?
    /// Whether it still signs anyone in.
    public let live: Bool
}

extension AppDatabase {
    /// The tokens or sessions of one user (or of everyone), newest first.
    public func credentials(_ kind: Credential.Kind, userID: Int64?, now: Date = Date()) async throws(StoreError) -> [Credential] {
        try await read { db in
            let moment = now.storedPrecision
            let sql =
                kind == .token
                ? "SELECT id, user_id, label, created_at, NULL AS last_seen_at, expires_at, revoked_at AS ended_at FROM access_token"
                : "SELECT id, user_id, NULL AS label, created_at, last_seen_at, expires_at, ended_at FROM web_session"
            let rows = try Row.fetchAll(
                db, sql: sql + (userID == nil ? "" : " WHERE user_id = ?") + " ORDER BY id DESC", arguments: userID.map { [$0] } ?? [])
            return rows.map { row in
                let expires: Date = row["expires_at"]
                let ended: Date? = row["ended_at"]
                return Credential(
                    kind: kind, id: row["id"], userId: row["user_id"], label: row["label"], createdAt: row["created_at"],
                    lastSeenAt: row["last_seen_at"],
                    expiresAt: expires, endedAt: ended, live: ended == nil && expires > moment)
            }
        }
    }

    /// Revokes one token or ends one session (of `ownerID`, when given: nobody ends another's by guessing an id).
    public func endCredential(
        _ kind: Credential.Kind, id: Int64, ownerID: Int64?, now: Date = Date(), by principal: Principal
    ) async throws(StoreError) {
        try await write { db in
            let table = kind == .token ? "access_token" : "web_session"
            let column = kind == .token ? "revoked_at" : "ended_at"
            guard let owner = try Int64.fetchOne(db, sql: "SELECT user_id FROM \(table) WHERE id = ?", arguments: [id]),
                ownerID == nil || owner == ownerID
            else { throw StoreError.notFound(entity: kind == .token ? "access token" : "session", key: "#\(id)") }
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE id = ? AND \(column) IS NULL", arguments: [now.storedPrecision, id])
            if db.changesCount > 0 {
                try AuditLog.record(db, by: principal, action: kind == .token ? "revoke" : "end", entity: table, entityID: id)
            }
        }
    }
}
