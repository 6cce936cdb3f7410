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
    public static func prepareProcess(arguments: [String]) {
        guard runsTasksOnEventLoops(arguments) else { return }
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// True when `arguments` run the server.
    static func runsTasksOnEventLoops(_ arguments: [String]) -> Bool {
        arguments.first == ServeCommand.configuration.commandName
    }
}
