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

    /// Waits for the work to finish and hands its result over (the task keeps no copy, so the
    /// caller may change it in place). Call once.
    func wait() -> Result {
        done.wait()
        var taken: Result?
        swap(&taken, &result)
        return taken!
    }
}

/// Frees what reading a page left behind on another thread, so the caller need not wait for it:
/// a long page's blocks are hundreds of thousands of strings, and its tree a few large buffers.
enum BackgroundRelease {
    /// Takes `leftovers` to a utility thread and drops them there. Pass them with `consume`: a
    /// reference the caller keeps frees them wherever it is let go, as before.
    static func drop<each Leftover>(_ leftovers: repeat each Leftover) {
        let box = Box((repeat each leftovers))
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    private final class Box<Contents>: @unchecked Sendable {
        private var contents: Contents?
        init(_ contents: Contents) { self.contents = contents }
        func drop() { contents = nil }
    }
}
