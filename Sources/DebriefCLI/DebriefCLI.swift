import ArgumentParser
import DebriefCore
import DebriefImport
import DebriefReports
import DebriefService
import DebriefStore
import Foundation

/// Runs the `debrief` command line, in this process.
public enum DebriefCLI {
    /// The exit code for failures that are not usage errors.
    public static let failureExitCode: Int32 = 1

    /// Parses `arguments` (without the program name), runs the command and returns its exit code.
    /// Output goes to `Console.current`; errors are reported there once, here.
    /// `environment` stands in for the process's environment variables (`DEBRIEF_DB`, `USER`).
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) async -> Int32 {
        await CLIEnvironment.$variables.withValue(environment) {
            await runParsed(arguments)
        }
    }

    private static func runParsed(_ arguments: [String]) async -> Int32 {
        let console = Console.current
        do {
            var command = try DebriefCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error, on: console)
        }
    }

    /// Runs the process's own arguments and exits with the command's code.
    public static func main() async -> Never {
        let code = await run(Array(CommandLine.arguments.dropFirst()))
        exit(code)
    }

    private static func report(_ error: any Error, on console: Console) -> Int32 {
        switch error {
        case is StoreError, is FieldError, is CLIError, is RubricError, is ReportError, is ImportError, is ServiceError:
            console.errorLine("error: \(error)")
            return failureExitCode
        default:
            let code = DebriefCommand.exitCode(for: error).rawValue
            let message = DebriefCommand.fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { console.line(message) }
            } else if !message.isEmpty {
                console.errorLine(message)
            }
            return code
        }
    }
}

/// A failure of the command line itself (a file it cannot write, ...), with what to do about it.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
