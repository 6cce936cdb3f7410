import Foundation

/// One CSV cell, quoted per RFC 4180 and defused against spreadsheet formula injection.
public enum CSVField {
    /// Quotes `value` when it holds a comma, quote, CR or LF, doubling inner quotes. A value that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
    /// with `'` so it shows as text. Plain numbers, negative ones included, are left as they are.
    public static func escaped(_ value: String) -> String {
        var text = value
        // Read as bytes: the characters that matter are ASCII, which never occur inside a multi-byte
        // character in UTF-8, and a million cells read Character by Character cost seconds. (Byte by
        // byte, a CR LF pair is seen too; as a Character it is neither "\r" nor "\n".)
        if let first = text.utf8.first, Self.formulaStarts.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The first bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab, CR.
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// A CSV line (without its CRLF terminator) of escaped cells.
    public static func line(_ cells: [String]) -> String {
        cells.map(escaped).joined(separator: ",")
    }
}
