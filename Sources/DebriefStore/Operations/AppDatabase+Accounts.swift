import DebriefCore
import Foundation
import GRDB

/// A user as the admin pages list them: whether they may sign in, and what credentials they hold now.
public struct UserAccount: Sendable {
    public let user: User
    public let deactivated: Bool
    public let hasPassword: Bool
    /// Browser sessions that have not ended or expired.
    public let openSessions: Int
    /// Access tokens that are neither revoked nor expired.
    public let liveTokens: Int
}

/// A summary of one question set: what the bank page and the round form list.
public struct QuestionSetSummary: Sendable, Hashable {
    public let id: Int64
    public let title: String
    public let source: String
    public let version: Int
    public let importedAt: Date
    public let questionCount: Int
}

extension AppDatabase {
    /// Every user by name, with their sign-in state and live credentials, in one query.
    public func accounts(now: Date = Date()) async throws(StoreError) -> [UserAccount] {
        try await read { db in
            let moment = now.storedPrecision
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT u.*,
                      (SELECT count(*) FROM web_session s WHERE s.user_id = u.id AND s.ended_at IS NULL AND s.expires_at > ?) AS open_sessions,
                      (SELECT count(*) FROM access_token t WHERE t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > ?) AS live_tokens
                    FROM user u ORDER BY u.name COLLATE NOCASE, u.id
                    """, arguments: [moment, moment]
            ).map { row in
                UserAccount(
                    user: try UserRecord(row: row).domain(), deactivated: row["deactivated_at"] as Date? != nil,
                    hasPassword: row["password_hash"] as String? != nil, openSessions: row["open_sessions"], liveTokens: row["live_tokens"])
            }
        }
    }

    /// Every question set, newest first, with its number of questions: without loading the questions.
    public func questionSetSummaries() async throws(StoreError) -> [QuestionSetSummary] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.title, s.source, s.version, s.imported_at, (SELECT count(*) FROM question q WHERE q.set_id = s.id) AS n
                    FROM question_set s ORDER BY s.imported_at DESC, s.id DESC
                    """
            ).map { row in
                QuestionSetSummary(
                    id: row["id"], title: row["title"], source: row["source"], version: row["version"], importedAt: row["imported_at"],
                    questionCount: row["n"])
            }
        }
    }
}
