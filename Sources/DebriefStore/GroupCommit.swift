import Foundation
import GRDB
import Synchronization

/// Write transactions that queue while one commits, committed together: each in a savepoint of its
/// own inside one transaction, so one flush of the WAL to the disk serves them all.
///
/// Every commit waits for the disk (`synchronous = FULL`), and the one writer commits one
/// transaction at a time, so under load the writes queue behind each other's flushes. A write that
/// fails rolls back its own savepoint and nothing else; its caller gets its error, the others their
/// results. No caller hears of success before the transaction holding its changes is committed, and
/// if that commit fails, every write in it fails with it.
final class GroupCommit: Sendable {
    private let writer: any DatabaseWriter
    /// The most writes committed together: a bound on how long the first of them waits.
    let largestGroup: Int
    private let state = Mutex<State>(State())
    private let commitCount = Atomic<Int>(0)

    private struct State {
        var pending: [Job] = []
        var committing = false
    }

    /// One caller's write: runs inside the group's transaction, reports once the group committed.
    private struct Job: Sendable {
        let run: @Sendable (Database) throws -> Void
        let settle: @Sendable ((any Error)?) -> Void
    }

    init(writer: any DatabaseWriter, largestGroup: Int = 64) {
        self.writer = writer
        self.largestGroup = largestGroup
    }

    /// How many transactions have committed (for tests and metrics).
    var commits: Int { commitCount.load(ordering: .relaxed) }

    /// How many writes wait for the next group (for tests).
    var waiting: Int { state.withLock { $0.pending.count } }

    /// Runs `updates` in a savepoint of the next group's transaction, and returns its result once that
    /// transaction is committed.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                run: { db in outcome.value = try updates(db) },
                settle: { error in
                    if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: outcome.value!) }
                })
            let startsCommitting = state.withLock { state in
                state.pending.append(job)
                defer { state.committing = true }
                return !state.committing
            }
            if startsCommitting { Task { await self.commitPending() } }
        }
    }

    /// Commits what is pending, group by group, until nothing is.
    private func commitPending() async {
        while true {
            let group = state.withLock { state -> [Job] in
                let group = Array(state.pending.prefix(largestGroup))
                state.pending.removeFirst(group.count)
                if group.isEmpty { state.committing = false }
                return group
            }
            guard !group.isEmpty else { return }
            await commit(group)
        }
    }

    private func commit(_ group: [Job]) async {
        do {
            let failures = try await writer.writeWithoutTransaction { db in
                var failures: [(any Error)?] = []
                try db.inTransaction(.immediate) {
                    failures = try group.map { job in try Self.run(job, in: db) }
                    return .commit
                }
                return failures
            }
            commitCount.add(1, ordering: .relaxed)
            for (job, failure) in zip(group, failures) { job.settle(failure) }
        } catch {
            for job in group { job.settle(error) }
        }
    }

    /// Runs one write in a savepoint: its error when it failed and was rolled back alone, nil when it
    /// succeeded. Throws when the failure took the whole transaction with it (SQLite rolls back the
    /// transaction itself on some errors, a full disk among them), failing the group.
    ///
    /// The savepoint's statements are prepared once per connection, not for every write as
    /// `Database.inSavepoint` does.
    private static func run(_ job: Job, in db: Database) throws -> (any Error)? {
        try db.cachedStatement(sql: "SAVEPOINT job").execute()
        do {
            try job.run(db)
            try db.cachedStatement(sql: "RELEASE SAVEPOINT job").execute()
            return nil
        } catch {
            guard db.isInsideTransaction else { throw error }
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT job").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT job").execute()
            return error
        }
    }

    /// Where a write's result waits for its group's commit.
    private final class Outcome<T>: @unchecked Sendable {
        var value: T?
    }
}
