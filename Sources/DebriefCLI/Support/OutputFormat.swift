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

/// The one JSON style of the CLI: snake_case keys, ISO 8601 dates, sorted keys.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
