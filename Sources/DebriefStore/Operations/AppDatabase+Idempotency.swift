import Foundation
import GRDB

/// A response remembered for an `Idempotency-Key`: what to send again when the same request comes back.
public struct StoredReply: Sendable, Equatable {
    public var status: Int
    /// Header name and value pairs, in order.
    public var headers: [[String]]
    public var body: Data

    public init(status: Int, headers: [[String]], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// What claiming an idempotency key found.
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key is new (or its earlier use expired): do the work, then `completeIdempotencyKey` or `releaseIdempotencyKey`.
    case claimed
    /// The same request with this key was answered before: send this again, do nothing.
    case replay(StoredReply)
    /// The key was used with a different request.
    case mismatch
    /// A request with this key is being worked on right now.
    case inProgress
}

extension AppDatabase {
    /// How long a key is remembered.
    public static let idempotencyWindow: TimeInterval = 24 * 3600

    /// Claims `key` for `caller`'s request (`requestHash` names its method, path and body). Claims are
    /// serialised by SQLite's write lock, so of two concurrent requests with one key exactly one is `.claimed`.
    public func claimIdempotencyKey(
        _ key: String, caller: String, requestHash: String, now: Date = Date()
    ) async throws(StoreError) -> IdempotencyClaim {
        try await write { db in
            let horizon = now.timeIntervalSince1970 - Self.idempotencyWindow
            try db.execute(sql: "DELETE FROM idempotency_key WHERE claimed_at < ?", arguments: [horizon])
            if let row = try Row.fetchOne(
                db, sql: "SELECT request_hash, status, headers, body FROM idempotency_key WHERE caller = ? AND key = ?",
                arguments: [caller, key])
            {
                guard row["request_hash"] as String == requestHash else { return .mismatch }
                guard let status: Int = row["status"] else { return .inProgress }
                let headers = try JSONDecoder().decode([[String]].self, from: Data((row["headers"] as String? ?? "[]").utf8))
                return .replay(StoredReply(status: status, headers: headers, body: row["body"] ?? Data()))
            }
            try db.execute(
                sql: "INSERT INTO idempotency_key (caller, key, request_hash, claimed_at) VALUES (?, ?, ?, ?)",
                arguments: [caller, key, requestHash, now.timeIntervalSince1970])
            return .claimed
        }
    }

    /// Remembers the reply to a claimed key's request.
    public func completeIdempotencyKey(_ key: String, caller: String, reply: StoredReply) async throws(StoreError) {
        try await write { db in
            let headers = String(decoding: try JSONEncoder().encode(reply.headers), as: UTF8.self)
            try db.execute(
                sql: "UPDATE idempotency_key SET status = ?, headers = ?, body = ? WHERE caller = ? AND key = ?",
                arguments: [reply.status, headers, reply.body, caller, key])
        }
    }

    /// Forgets a claim whose request failed, so the caller may retry with the same key.
    public func releaseIdempotencyKey(_ key: String, caller: String) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM idempotency_key WHERE caller = ? AND key = ? AND status IS NULL", arguments: [caller, key])
        }
    }
}
