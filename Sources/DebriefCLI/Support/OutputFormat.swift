import ArgumentParser
import Foundation

/// How list and show commands print: a table for people, or JSON for scripts.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

/// `--format text|json`, shared by every list and show command.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
}
