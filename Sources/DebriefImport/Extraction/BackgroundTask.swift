import Dispatch
import Foundation

/// Work started now on a thread of its own, whose result is waited for later.
///
/// A thread of its own, not a dispatch queue: the caller may be one of Swift concurrency's few
/// shared threads, and waiting there for work queued behind other waiting callers could wait forever.
final class BackgroundTask<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work, read after `done` is signalled.
    private var result: Result?

    init(_ work: @escaping @Sendable () -> Result) {
        let thread = Thread {
            self.result = work()
            self.done.signal()
        }
        thread.name = "debrief.background"
        thread.start()
    }

    /// Waits for the work to finish and returns its result. Call once.
    func wait() -> Result {
        done.wait()
        return result!
    }
}
