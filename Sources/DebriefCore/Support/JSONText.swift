import Foundation

/// Debrief's one JSON style, for the CLI's `--format json`, the report contract and the HTTP API:
/// snake_case keys, ISO 8601 dates, sorted keys, pretty-printed.
public enum JSONText {
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    public static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }
}
