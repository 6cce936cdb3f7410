import DebriefCore
import Foundation
import GRDB

/// Debrief's database: the only place that knows SQL.
///
/// One concrete value over any GRDB writer: a `DatabasePool` in WAL mode on disk,
/// a `DatabaseQueue` in memory for tests. Every write runs in one transaction together
/// with its audit event, so a failed change leaves neither behind.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The connections `lookUp` uses on a database file; nil in memory, where the one queue serves all.
    private let lookUps: LookUpConnections?
    /// Commits the writes that queue while one commits together (`write`).
    let groupCommit: GroupCommit

    /// Wraps a writer and brings its schema up to date.
    init(_ writer: any DatabaseWriter, lookUps: LookUpConnections? = nil) throws(StoreError) {
        self.writer = writer
        self.lookUps = lookUps
        groupCommit = GroupCommit(writer: writer)
        do {
            try SchemaMigrator.migrator.migrate(writer)
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// The schema version this build writes (the name of its newest migration), such as `v7-round-kits`.
    public static var schemaVersion: String { SchemaMigrator.latest }

    /// Opens (or creates) the database file at `path` and migrates it.
    ///
    /// A file that is not a Debrief database, or that a newer Debrief wrote, is refused
    /// before anything is written to it.
    public static func open(path: String) throws(StoreError) -> AppDatabase {
        try open(path: path, configuration: configuration())
    }

    /// `open(path:)` with a configuration of the caller's (tests narrow the reader pool).
    static func open(path: String, configuration: Configuration) throws(StoreError) -> AppDatabase {
        try DatabaseFileCheck.verify(path: path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB turns WAL mode on with `synchronous = NORMAL`, which survives a crash of the process
            // but can lose the last acknowledged commits to a power cut or a crash of the machine. A
            // scorecard acknowledged is a scorecard kept: every commit waits for the WAL to reach the disk.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Each write of a group runs in a savepoint (`GroupCommit`), so SQLite first copies every
                // page a write changes into a sub-journal, to roll that write back alone. Past 64 KB in
                // a transaction the sub-journal went to a temporary file: one file a group and a `pwrite`
                // a page, about a tenth of the writer's time under a stream of scorecards. It is held in memory.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            // Up to one look-up connection per core: each cooperative thread can look up without waiting.
            let lookUps = LookUpConnections(path: path, configuration: configuration, count: ProcessInfo.processInfo.activeProcessorCount)
            return try AppDatabase(pool, lookUps: lookUps)
        } catch {
            throw StoreError(mapping: error).naming(path: path)
        }
    }

    /// A fresh database in memory, for tests and dry runs.
    public static func inMemory() throws(StoreError) -> AppDatabase {
        do {
            return try AppDatabase(DatabaseQueue(configuration: configuration()))
        } catch {
            throw StoreError(mapping: error)
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "Debrief"
        return configuration
    }

    /// Runs `updates` as one all-or-nothing write: any error rolls all of it back. Writes that queue
    /// while one commits are committed together, each in a savepoint of its own (`GroupCommit`).
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        // GRDB runs the closure on its own queue; the request's id goes with it for the audit events.
        let requestID = AuditContext.requestID
        let asked = DispatchTime.now()
        do {
            return try await groupCommit.write { db in
                DatabaseMetrics.waited(since: asked, access: .write)
                return try AuditContext.$requestID.withValue(requestID) { try updates(db) }
            }
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// Runs `value`, one statement that reads a few rows by key (a token, a record by id), on the
    /// calling thread and outside a transaction.
    ///
    /// `read` hands its closure to a reader's queue and resumes the task when it is done (two thread
    /// switches), and wraps it in `BEGIN`…`COMMIT`: for a point look-up, several times what SQLite
    /// does for the row (perf, BENCHMARKS.md "Session 15"). One statement is consistent on its own,
    /// so it needs no transaction; a closure that runs two must use `read`. The calling thread waits
    /// for a connection and runs the statement itself, so this is only for reads of microseconds:
    /// anything that scans goes through `read`, and the cooperative threads stay free. On a file the
    /// connection is never one of the reader pool's (`LookUpConnections` says why).
    func lookUp<T>(_ value: (Database) throws -> T) throws(StoreError) -> T {
        let asked = DispatchTime.now()
        do {
            let reader: any DatabaseReader = try lookUps?.next() ?? writer
            return try reader.unsafeRead { db in
                DatabaseMetrics.waited(since: asked, access: .read)
                return try value(db)
            }
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// Runs `value` on a consistent snapshot of the database.
    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let asked = DispatchTime.now()
        do {
            return try await writer.read { db in
                DatabaseMetrics.waited(since: asked, access: .read)
                return try value(db)
            }
        } catch {
            throw StoreError(mapping: error)
        }
    }
}

extension StoreError {
    func naming(path: String) -> StoreError {
        if case .notADebriefDatabase(_, let reason) = self { return .notADebriefDatabase(path: path, reason: reason) }
        return self
    }
}
