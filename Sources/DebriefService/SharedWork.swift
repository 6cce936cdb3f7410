import DebriefCore
import DebriefReports
import Synchronization

/// Work being done now that requests arriving together share, so that they wait for one run instead
/// of each doing it: four browsers opening a large position's pack at once cost one build's time and
/// memory, not four, and fifty API clients asking for a report just after a write render it once.
///
/// Keys name the data version the requester read (see `ReportDataVersion`): a request joins work
/// started for the version it read, and that work reads its own snapshot after that, so what it
/// returns is never older than the request.
final class SharedWork<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let running = Mutex<[Key: Task<Value, any Error>]>([:])
    private let startedCount = Atomic<Int>(0)

    /// How many runs have started (for tests and metrics).
    var started: Int { startedCount.load(ordering: .relaxed) }

    /// What `work` makes, shared with any other caller for the same key while it runs.
    func value(for key: Key, work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = running.withLock { running in
            if let task = running[key] { return task }
            startedCount.add(1, ordering: .relaxed)
            let task = Task { try await work() }
            running[key] = task
            return task
        }
        defer { _ = running.withLock { $0.removeValue(forKey: key) } }
        return try await task.value
    }
}

/// A position's report of one data version: what a build is shared under.
struct ReportKey: Hashable, Sendable {
    let positionID: Int64
    let version: ReportDataVersion
}

/// A position's report of one data version in one format: what a rendering is shared under.
struct RenderingKey: Hashable, Sendable {
    let report: ReportKey
    let format: ReportFormat
}
