import Dispatch
import Synchronization

/// Runs the same work on the two halves of a long page at once, one per core.
enum TwoHalves {
    /// `work(0)` and `work(1)` run concurrently; their results come back in that order.
    static func run<Result: Sendable>(_ work: @Sendable (Int) -> Result) -> (Result, Result) {
        let results = Mutex<[Result?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let result = work(half)
            results.withLock { $0[half] = result }
        }
        return results.withLock { ($0[0]!, $0[1]!) }
    }
}
