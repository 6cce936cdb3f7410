import Foundation

/// One CSV cell, quoted per RFC 4180 and defused against spreadsheet formula injection.
public enum CSVField {
    /// Quotes `value` when it holds a comma, quote, CR or LF, doubling inner quotes. A value that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
    /// with `'` so it shows as text. Plain numbers, negative ones included, are left as they are.
    public static func escaped(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A CSV line (without its CRLF terminator) of escaped cells.
    public static func line(_ cells: [String]) -> String {
        cells.map(escaped).joined(separator: ",")
    }
}
