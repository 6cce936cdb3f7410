import Dispatch
import Metrics

/// How long use cases wait for the database before their reads and writes start: the queue for
/// SQLite's one writer, or a free reader. `/metrics` shows it as `debrief_database_wait_seconds`;
/// without a metrics backend (the CLI) it costs nothing.
enum DatabaseMetrics {
    enum Access: String {
        case read, write
    }

    static func waited(since asked: DispatchTime, access: Access) {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds &- asked.uptimeNanoseconds
        Timer(label: "debrief_database_wait_seconds", dimensions: [("access", access.rawValue)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }
}
