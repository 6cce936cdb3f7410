import Foundation

/// Debrief's one JSON style, for the CLI's `--format json`, the report contract and the HTTP API:
/// snake_case keys, ISO 8601 dates, sorted keys, pretty-printed, and every key present: an optional
/// without a value is written as `null`, never left out. Written by `JSONTreeEncoder`.
public enum JSONText {
    public static func string(_ value: some Encodable) throws -> String {
        try JSONTreeEncoder.text(value, pretty: true)
    }

    /// `string(value)` and a line break: a JSON document as a file or terminal gets it, made in
    /// one piece (adding the line break to the string would copy a report's 30 MB once more).
    public static func document(_ value: some Encodable) throws -> String {
        try JSONTreeEncoder.text(value, pretty: true, endingLine: true)
    }

    public static func data(_ value: some Encodable) throws -> Data {
        try data(value, pretty: true)
    }

    /// The same JSON on one line, for values stored inside the database (audit events).
    public static func compactString(_ value: some Encodable) throws -> String {
        try JSONTreeEncoder.text(value, pretty: false)
    }

    /// The JSON on one line, as the HTTP API sends it.
    public static func data(compact value: some Encodable) throws -> Data {
        try data(value, pretty: false)
    }

    private static func data(_ value: some Encodable, pretty: Bool) throws -> Data {
        Data(try JSONTreeEncoder.encode(value, pretty: pretty))
    }
}
