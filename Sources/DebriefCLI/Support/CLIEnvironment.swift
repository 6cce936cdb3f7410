import Foundation

/// The environment variables the CLI reads; replaceable in tests.
enum CLIEnvironment {
    @TaskLocal static var variables: [String: String] = ProcessInfo.processInfo.environment

    /// The configuration rule of every setting: the flag, then the environment variable, then the default.
    static func resolve(flag: String?, variable: String, default fallback: String) -> String {
        flag ?? variables[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
    }
}
