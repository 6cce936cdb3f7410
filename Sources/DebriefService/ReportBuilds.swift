import DebriefCore
import DebriefReports
import Synchronization

/// Position reports being built now, so that requests arriving together for a position whose report
/// is not cached wait for one build instead of each building it: four browsers opening a large
/// position's pack at once cost one build's time and memory, not four.
///
/// A request joins a build only when the build was started for the data version the request read;
/// the build reads its own snapshot after that, so what it returns is never older than the request.
final class ReportBuilds: Sendable {
    private struct Key: Hashable {
        let positionID: Int64
        let version: ReportDataVersion
    }

    private let running = Mutex<[Key: Task<PositionReport, any Error>]>([:])
    private let startedCount = Atomic<Int>(0)

    /// How many builds have started (for tests and metrics).
    var started: Int { startedCount.load(ordering: .relaxed) }

    /// The report `build` makes, shared with any other caller for the same position and version.
    func report(
        _ positionID: Int64, version: ReportDataVersion, build: @escaping @Sendable () async throws -> PositionReport
    ) async throws -> PositionReport {
        let key = Key(positionID: positionID, version: version)
        let task = running.withLock { running in
            if let task = running[key] { return task }
            startedCount.add(1, ordering: .relaxed)
            let task = Task { try await build() }
            running[key] = task
            return task
        }
        defer { _ = running.withLock { $0.removeValue(forKey: key) } }
        return try await task.value
    }
}
