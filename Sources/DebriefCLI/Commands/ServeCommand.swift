import ArgumentParser
import DebriefServer
import DebriefService
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Synchronization

/// `debrief serve`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web app for browsers and the JSON API for scripts.",
        discussion: """
            People sign in with their email and a password (set from an invite link, `debrief users invite`,
            or `debrief users password`); scripts send an access token from `debrief users token EMAIL` as
            `Authorization: Bearer TOKEN`. SIGTERM or SIGINT stops it gracefully: requests in flight finish.
            """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var rubrics: RubricOptions
    @Option(help: "The address to listen on (env DEBRIEF_HOST; default 127.0.0.1, this machine only).") var host: String?
    @Option(help: "The port to listen on (env DEBRIEF_PORT; default 8080).") var port: Int?
    @Flag(help: "Mark the session cookie Secure; use it when Debrief is served over HTTPS (env DEBRIEF_SECURE_COOKIES=true).")
    var secureCookies = false

    func resolvedSecureCookies() throws -> Bool {
        if secureCookies { return true }
        switch CLIEnvironment.resolve(flag: nil, variable: "DEBRIEF_SECURE_COOKIES", default: "false").lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        case let other: throw ValidationError("DEBRIEF_SECURE_COOKIES is true or false, not '\(other)'")
        }
    }
    @Option(help: "Log lines as text or json, one object per line (env DEBRIEF_LOG_FORMAT; default text).") var logFormat: String?
    @Option(help: "Log at this level and above: trace, debug, info, notice, warning, error, critical (env DEBRIEF_LOG_LEVEL; default info).")
    var logLevel: String?
    @Option(help: "Changes one person, token or client address may make per minute (env DEBRIEF_WRITE_RATE; default 120).")
    var writeRate: Int?

    @Option(help: "Large reports and imports run at once; more wait their turn with 503 (env DEBRIEF_HEAVY_JOBS; default: one per core).")
    var heavyJobs: Int?
    @Option(help: "Megabytes the large reports and imports running at once may need together (env DEBRIEF_MEMORY_BUDGET; default 768).")
    var memoryBudget: Int?

    func resolvedHeavyWork() throws -> HeavyWorkLimits {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let jobsText = CLIEnvironment.resolve(flag: heavyJobs.map(String.init), variable: "DEBRIEF_HEAVY_JOBS", default: String(cores))
        guard let jobs = Int(jobsText), (1...256).contains(jobs) else {
            throw ValidationError("heavy jobs is a number from 1 to 256, not '\(jobsText)' (--heavy-jobs or DEBRIEF_HEAVY_JOBS)")
        }
        let budgetText = CLIEnvironment.resolve(flag: memoryBudget.map(String.init), variable: "DEBRIEF_MEMORY_BUDGET", default: "768")
        guard let megabytes = Int(budgetText), (64...1_048_576).contains(megabytes) else {
            throw ValidationError(
                "the memory budget is a number of megabytes from 64 to 1048576, not '\(budgetText)' (--memory-budget or DEBRIEF_MEMORY_BUDGET)")
        }
        return HeavyWorkLimits(concurrent: jobs, memoryBudget: megabytes * 1_048_576)
    }

    func resolvedWriteRate() throws -> Int {
        let text = CLIEnvironment.resolve(flag: writeRate.map(String.init), variable: "DEBRIEF_WRITE_RATE", default: "120")
        guard let value = Int(text), (1...100_000).contains(value) else {
            throw ValidationError(
                "the write rate is a number of changes a minute from 1 to 100000, not '\(text)' (--write-rate or DEBRIEF_WRITE_RATE)")
        }
        return value
    }

    func resolvedLogging() throws -> (json: Bool, level: Logger.Level) {
        let format = CLIEnvironment.resolve(flag: logFormat, variable: "DEBRIEF_LOG_FORMAT", default: "text")
        guard format == "text" || format == "json" else {
            throw ValidationError("the log format is text or json, not '\(format)' (--log-format or DEBRIEF_LOG_FORMAT)")
        }
        let levelText = CLIEnvironment.resolve(flag: logLevel, variable: "DEBRIEF_LOG_LEVEL", default: "info")
        guard let level = Logger.Level(rawValue: levelText) else {
            let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("the log level is one of \(known), not '\(levelText)' (--log-level or DEBRIEF_LOG_LEVEL)")
        }
        return (format == "json", level)
    }

    var resolvedHost: String { CLIEnvironment.resolve(flag: host, variable: "DEBRIEF_HOST", default: "127.0.0.1") }

    func resolvedPort() throws -> Int {
        let text = CLIEnvironment.resolve(flag: port.map(String.init), variable: "DEBRIEF_PORT", default: "8080")
        guard let value = Int(text), (1...65_535).contains(value) else {
            throw ValidationError("the port must be a number from 1 to 65535, not '\(text)' (--port or DEBRIEF_PORT)")
        }
        return value
    }

    func validate() throws {
        _ = try resolvedPort()
        _ = try resolvedLogging()
        _ = try resolvedWriteRate()
        _ = try resolvedHeavyWork()
        _ = try resolvedSecureCookies()
        if resolvedHost.isEmpty { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let store = try database.open()
        let catalog = try rubrics.catalog()
        let (host, port, path) = (resolvedHost, try resolvedPort(), database.resolvedPath)
        let logging = try resolvedLogging()
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = logging.json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = logging.level
            return handler
        }
        let listening = Mutex(false)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let app = DebriefApplication.make(
            database: store,
            options: .init(
                rubrics: catalog, secureCookies: try resolvedSecureCookies(), version: DebriefCommand.version, metrics: registry,
                writesPerMinute: try resolvedWriteRate(), heavyWork: try resolvedHeavyWork()),
            configuration: .init(address: .hostname(host, port: port), serverName: "Debrief"),
            onListening: { bound in
                listening.withLock { $0 = true }
                Console.current.line("Debrief is serving \(path) at http://\(host):\(bound)/ (Ctrl-C stops it)")
            })
        do {
            try await app.runService()
        } catch  where !listening.withLock({ $0 }) {
            throw CLIError(
                "cannot listen on \(host):\(port): \(error). If another program holds the port, stop it or pick another with --port or DEBRIEF_PORT")
        }
    }
}
