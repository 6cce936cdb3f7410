import DebriefCore
import DebriefStore
import Foundation

extension DebriefService {
    /// Backs the whole database up, consistent as of one moment, to a new file at `path` (admins).
    public func backUp(to path: String, by principal: Principal) async throws -> DatabaseSummary {
        try require(.operateDatabase, principal)
        return try await database.backup(to: path, by: principal)
    }

    /// Checks a backup without touching it or any database: whole, undamaged, a schema this build opens.
    public static func inspectBackup(at path: String, by principal: Principal) throws -> DatabaseSummary {
        try require(.operateDatabase, principal)
        return try AppDatabase.inspectBackup(path: path)
    }

    /// Restores the database from the backup at `path` (admins). The backup is checked first; then
    /// the database as it is now is itself backed up to `previousCopy`, so a restore can be undone,
    /// and only then replaced. Nothing is replaced when either check or copy fails.
    public func restore(from path: String, keepingPreviousAt previousCopy: String, by principal: Principal) async throws
        -> (restored: DatabaseSummary, previous: DatabaseSummary)
    {
        try require(.operateDatabase, principal)
        _ = try AppDatabase.inspectBackup(path: path)
        let previous = try await database.backup(to: previousCopy, by: principal)
        let restored = try await database.restore(from: path, by: principal)
        return (restored, previous)
    }
}
