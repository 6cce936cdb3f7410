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
///
/// Each is opened on its first look-up, so a CLI command that looks nothing up opens none, and one
/// that looks up a record opens one, however many cores the machine has.
final class LookUpConnections: Sendable {
    private let path: String
    private let configuration: Configuration
    private let connections: Mutex<[DatabaseQueue?]>
    private let turn = Atomic<UInt>(0)

    /// Up to `count` read-only connections to the database file at `path`, which another connection
    /// has already created and migrated.
    init(path: String, configuration: Configuration, count: Int) {
        var configuration = configuration
        configuration.readonly = true
        configuration.label = "\(configuration.label ?? "Debrief").lookUp"
        self.path = path
        self.configuration = configuration
        connections = Mutex(Array(repeating: nil, count: max(1, count)))
    }

    /// One of the connections, in turn, so that look-ups on different threads seldom wait for each other.
    func next() throws -> DatabaseQueue {
        let (taken, _) = turn.wrappingAdd(1, ordering: .relaxed)
        return try connections.withLock { connections in
            let slot = Int(taken % UInt(connections.count))
            if let open = connections[slot] { return open }
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            connections[slot] = opened
            return opened
        }
    }
}
