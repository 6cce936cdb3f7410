import DebriefCore
import Foundation
import Synchronization

/// How much heavy work the service takes on at once: work whose time and memory grow with the data,
/// such as building a large position's report or reading a long page into questions. Past either
/// limit a request is refused with `ServiceError.busy` (a `503` with `Retry-After`) instead of
/// queueing without bound or growing the server's memory without bound.
public struct HeavyWorkLimits: Sendable, Equatable {
    /// Heavy jobs at once: one per core unless told.
    public var concurrent: Int
    /// The memory the running heavy jobs are estimated to need together, in bytes. A job alone
    /// always runs, however large: the budget bounds what runs beside it.
    public var memoryBudget: Int
    /// Work estimated below this many bytes is light: never counted, refused or kept waiting
    /// (32 MB: a report of some 50,000 ratings, a page of 3 MB).
    public var lightBelow: Int

    public init(
        concurrent: Int = ProcessInfo.processInfo.activeProcessorCount, memoryBudget: Int = 768 * 1_048_576, lightBelow: Int = 32 * 1_048_576
    ) {
        self.concurrent = max(1, concurrent)
        self.memoryBudget = max(0, memoryBudget)
        self.lightBelow = max(0, lightBelow)
    }

    /// What building a position's report needs, measured (BENCHMARKS.md, session 8): 612 MB at
    /// 990,323 ratings, about 600 bytes a rating over the server's own.
    static func positionReportBytes(ratings: Int) -> Int { ratings * 640 }

    /// What reading a position's dossier while its report is built from its facts needs, measured
    /// (BENCHMARKS.md, session 20): 660 MB at 990,323 ratings, both held at once.
    static func dossierAndReportBytes(ratings: Int) -> Int { ratings * 720 }

    /// What assessing the questions asked needs: the ratings read (about 100 bytes each) and grouped
    /// by question and by candidate's competency for the assessment, under the position report's figure.
    static func questionHealthBytes(ratings: Int) -> Int { ratings * 400 }

    /// What reading a page into questions needs, measured (BENCHMARKS.md): 7 to 9 times the page.
    static func importBytes(pageBytes: Int) -> Int { pageBytes * 9 }
}

/// Admits heavy work within `HeavyWorkLimits`; one per service, shared by all its requests.
final class HeavyWorkGate: Sendable {
    let limits: HeavyWorkLimits
    private struct Load {
        var running = 0
        var reserved = 0
    }
    private let load = Mutex(Load())
    private let refusedCount = Atomic<Int>(0)

    /// Seconds a refused caller is told to wait: about what a large report takes to build.
    static let retryAfter = 10

    init(limits: HeavyWorkLimits) {
        self.limits = limits
    }

    /// How many heavy jobs were refused so far (for tests and metrics).
    var refused: Int { refusedCount.load(ordering: .relaxed) }

    /// Runs `work` if it is light or fits beside what runs now; otherwise throws `ServiceError.busy`
    /// at once, naming `what` was refused.
    func run<Result>(_ what: String, estimatedBytes: Int, _ work: () async throws -> Result) async throws -> Result {
        guard estimatedBytes >= limits.lightBelow else { return try await work() }
        let admitted = load.withLock { load in
            let fits = load.running == 0 || (load.running < limits.concurrent && load.reserved + estimatedBytes <= limits.memoryBudget)
            if fits {
                load.running += 1
                load.reserved += estimatedBytes
            }
            return fits
        }
        guard admitted else {
            refusedCount.add(1, ordering: .relaxed)
            ServiceMetrics.heavyWorkRefused(what)
            throw ServiceError.busy(what, retryAfter: Self.retryAfter)
        }
        defer {
            let idle = load.withLock { load in
                load.running -= 1
                load.reserved -= estimatedBytes
                return load.running == 0
            }
            // What the heavy work freed (a position's facts, its study's arrays) goes back to the
            // system, so what follows (rendering the report, the next request) does not start on
            // top of it: the CLI's cold JSON report of the bench position peaked 266-291 -> 255 MB.
            if idle { GlibcExtras.returnFreedMemory() }
        }
        return try await work()
    }
}
