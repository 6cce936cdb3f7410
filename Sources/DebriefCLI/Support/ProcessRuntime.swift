import DebriefCore
import Foundation
import NIOCore
import NIOPosix

extension DebriefCLI {
    /// Sets the process up for the command `arguments` (without the program name) will run. Call
    /// once, first thing, on the main thread, before any task starts; `main()` then runs the command.
    ///
    /// `debrief serve` runs Swift concurrency's tasks on the server's own event loops (NIO's
    /// singleton group, which Hummingbird serves from) instead of a pool of threads beside them, so a
    /// request's handler runs on the thread that read it and its reply is written without handing it
    /// between threads: measured in BENCHMARKS.md (session 18). Other commands keep the default pool.
    ///
    /// Every command keeps malloc to one arena per core (`limitMallocArenas`).
    public static func prepareProcess(arguments: [String]) {
        _ = limitMallocArenas(to: ProcessInfo.processInfo.activeProcessorCount)
        guard runsTasksOnEventLoops(arguments) else { return }
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Caps glibc's malloc arenas (eight per core by default). A large report is built on several
    /// threads at once, and memory one thread frees in its arena is not reused by another's: on the
    /// 1M-rating bench position the cold JSON report peaked at 310 MB with the default and 273 MB
    /// with one arena per core, in the same time; the server's peak after the report bench's
    /// server part went from 414 to 295 MB, with the same requests a second under wrk
    /// (BENCHMARKS.md, session 21). True when set; false where there is no glibc `mallopt`.
    static func limitMallocArenas(to count: Int) -> Bool {
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        guard let mallopt = GlibcExtras.mallopt else { return false }
        return mallopt(arenaMaximum, Int32(clamping: max(1, count))) == 1
    }

    /// True when `arguments` run the server.
    static func runsTasksOnEventLoops(_ arguments: [String]) -> Bool {
        arguments.first == ServeCommand.configuration.commandName
    }
}
