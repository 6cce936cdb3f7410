import DebriefCore
import Foundation
import GRDB

/// What a database file holds, in the words an operator checks a backup by.
public struct DatabaseSummary: Sendable, Equatable {
    /// The newest migration the file has, such as `v14-question-search-by-set`.
    public let schemaVersion: String
    /// Rows per kind of record, in a fixed order: positions, candidates, rounds, scorecards, ratings,
    /// question sets, questions, users, audit events.
    public let counts: [(kind: String, count: Int)]
    /// The file's size in bytes.
    public let bytes: Int

    /// `"3 positions, 40 candidates, …"`: the counts in a line.
    public var countsLine: String {
        counts.map { CountedNoun.phrase($0.count, $0.kind) }.joined(separator: ", ")
    }

    public static func == (left: DatabaseSummary, right: DatabaseSummary) -> Bool {
        left.schemaVersion == right.schemaVersion && left.bytes == right.bytes
            && left.counts.map(\.kind) == right.counts.map(\.kind) && left.counts.map(\.count) == right.counts.map(\.count)
    }
}

extension AppDatabase {
    /// The tables a summary counts, with the noun it counts them by.
    private static let summarisedTables: [(table: String, kind: String)] = [
        ("position", "position"), ("candidate", "candidate"), ("round", "round"), ("scorecard", "scorecard"), ("rating", "rating"),
        ("question_set", "question set"), ("question", "question"), ("user", "user"), ("audit_event", "audit event"),
    ]

    /// Copies the whole database as it is at one moment to a new file at `path`, while other
    /// connections go on reading and writing (SQLite's online backup API, from one read snapshot).
    ///
    /// The copy is written beside `path` first, checked (`PRAGMA integrity_check`) and then moved into
    /// place, so `path` is either a whole, checked backup or absent. An existing `path` is refused.
    /// The backup is a single self-contained file (rollback journal, no `-wal` beside it).
    public func backup(to path: String, by principal: Principal) async throws(StoreError) -> DatabaseSummary {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else {
            throw .cannotOpen(path: path, reason: "a file is already there; a backup never overwrites one, so pass a new path")
        }
        let partial = path + ".partial"
        let removePartial = { for suffix in ["", "-journal", "-wal", "-shm"] { try? manager.removeItem(atPath: partial + suffix) } }
        removePartial()
        let summary: DatabaseSummary
        do {
            let destination = try DatabaseQueue(path: partial, configuration: Self.configuration())
            try writer.backup(to: destination)
            // The copy carries the source's WAL mode; a backup is one file, so it goes back to a rollback journal.
            try await destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
            // Checked once, before the move: the rename within one folder changes no byte of it.
            summary = try Self.inspectBackup(path: partial)
            try manager.moveItem(atPath: partial, toPath: path)
        } catch {
            removePartial()
            throw StoreError(mapping: error).naming(path: path)
        }
        try await write { db in
            try AuditLog.record(
                db, by: principal, action: "back up", entity: "database", entityID: nil,
                after: ["path": path, "schema": summary.schemaVersion, "bytes": "\(summary.bytes)"])
        }
        return summary
    }

    /// Checks, without writing to it, that the file at `path` is a whole and undamaged Debrief
    /// database that this build can open (an older schema is fine: it is migrated when restored),
    /// and says what it holds.
    public static func inspectBackup(path: String) throws(StoreError) -> DatabaseSummary {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { throw .cannotOpen(path: path, reason: "there is no file there") }
        guard let size = (try? manager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size > 0 else {
            throw .notADebriefDatabase(path: path, reason: "it is empty")
        }
        try DatabaseFileCheck.verify(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == SchemaMigrator.applicationID else {
                    throw StoreError.notADebriefDatabase(
                        path: path, reason: "it is not a Debrief database (an empty SQLite file, or another application's)")
                }
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(10)")
                guard problems == ["ok"] else {
                    throw StoreError.notADebriefDatabase(path: path, reason: "it is damaged: \(problems.prefix(3).joined(separator: "; "))")
                }
                let applied = try SchemaMigrator.migrator.appliedMigrations(db)
                guard let version = SchemaMigrator.migrator.migrations.last(where: applied.contains) else {
                    throw StoreError.notADebriefDatabase(path: path, reason: "it has no Debrief schema")
                }
                let counts = try summarisedTables.map { entry in
                    (kind: entry.kind, count: try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(entry.table)\"") ?? 0)
                }
                return DatabaseSummary(schemaVersion: version, counts: counts, bytes: size)
            }
        } catch {
            throw StoreError(mapping: error).naming(path: path)
        }
    }

    /// Replaces everything in this database with the backup at `path`, after `inspectBackup` found it
    /// whole, then brings its schema up to this build's. The pages are copied into the open database
    /// with SQLite's backup API, so other connections see the restored data as one write, never a
    /// mixture; a backup that fails to copy leaves the database as it was. The audit log of the
    /// restored database records the restore.
    public func restore(from path: String, by principal: Principal) async throws(StoreError) -> DatabaseSummary {
        let inspected = try Self.inspectBackup(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        let highestVersion: Int64
        do {
            highestVersion = try await writer.read { db in
                try db.tableExists("report_data_version") ? Int64.fetchOne(db, sql: "SELECT max(version) FROM report_data_version") ?? 0 : 0
            }
            let source = try DatabaseQueue(path: path, configuration: configuration)
            try source.backup(to: writer)
            try source.close()
            try SchemaMigrator.migrator.migrate(writer)
        } catch {
            throw StoreError(mapping: error).naming(path: path)
        }
        try await write { db in
            // The backup's report versions may equal ones reports were cached under before it: moving the
            // shared counter past every version the replaced database had keeps those from being served.
            try db.execute(
                sql: """
                    INSERT INTO report_data_version (position_id, version) VALUES (0, ?)
                    ON CONFLICT (position_id) DO UPDATE SET version = version + excluded.version
                    """, arguments: [highestVersion + 1])
            try AuditLog.record(
                db, by: principal, action: "restore", entity: "database", entityID: nil,
                after: ["path": path, "schema": inspected.schemaVersion, "migrated to": Self.schemaVersion])
        }
        return inspected
    }
}
