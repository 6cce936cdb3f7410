import Foundation

/// The environment variables the CLI reads; replaceable in tests.
enum CLIEnvironment {
    @TaskLocal static var variables: [String: String] = ProcessInfo.processInfo.environment
}
