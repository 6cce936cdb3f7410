import Dispatch
import Synchronization

/// Runs independent pieces of pure work at once, as many at a time as the machine has cores, and
/// returns their results in the order given. Results are the same as running them one after another.
enum Simultaneously {
    static func run<A: Sendable, B: Sendable, C: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B, _ third: @Sendable () -> C
    ) -> (A, B, C) {
        let a = Mutex<A?>(nil)
        let b = Mutex<B?>(nil)
        let c = Mutex<C?>(nil)
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            switch index {
            case 0:
                let result = first()
                a.withLock { $0 = result }
            case 1:
                let result = second()
                b.withLock { $0 = result }
            default:
                let result = third()
                c.withLock { $0 = result }
            }
        }
        return (a.withLock { $0! }, b.withLock { $0! }, c.withLock { $0! })
    }
}
