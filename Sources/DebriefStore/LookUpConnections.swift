import Foundation
import GRDB
import Synchronization

/// Read-only connections of their own for `AppDatabase.lookUp`, outside GRDB's reader pool.
///
/// A look-up waits for its connection on the calling thread, a cooperative one. Waiting for a reader of
/// the pool there deadlocks the server: an async `read` keeps its reader until its task is resumed,
/// and resuming it needs a cooperative thread, which may be the very one waiting (found by
/// `bench/http-bench.py`: with two cores, the scorecard run stopped the server within a second).
/// These connections are held only by look-ups, for one statement, by code that never suspends, so
/// waiting for one is always short and always ends.
final class LookUpConnections: Sendable {
    private let connections: [DatabaseQueue]
    private let turn = Atomic<UInt>(0)

    /// Opens `count` read-only connections to the database file at `path`, which another connection
    /// has already created and migrated.
    init(path: String, configuration: Configuration, count: Int) throws {
        var configuration = configuration
        configuration.readonly = true
        configuration.label = "\(configuration.label ?? "Debrief").lookUp"
        connections = try (0..<max(1, count)).map { _ in try DatabaseQueue(path: path, configuration: configuration) }
    }

    /// One of the connections, in turn, so that look-ups on different threads seldom wait for each other.
    var next: DatabaseQueue {
        let (taken, _) = turn.wrappingAdd(1, ordering: .relaxed)
        return connections[Int(taken % UInt(connections.count))]
    }
}
