import Foundation

/// One CSV cell, quoted per RFC 4180 and defused against spreadsheet formula injection.
public enum CSVField {
    /// Quotes `value` when it holds a comma, quote, CR or LF, doubling inner quotes. A value that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
    /// with `'` so it shows as text. Plain numbers, negative ones included, are left as they are.
    public static func escaped(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A CSV line (without its CRLF terminator) of escaped cells.
    public static func line(_ cells: [String]) -> String {
        String(decoding: CSVDocument.escapedCells(cells), as: UTF8.self)
    }

    /// Appends `value` escaped. Read as bytes: the characters that matter are ASCII, which never
    /// occur inside a multi-byte character in UTF-8 (byte by byte, a CR LF pair is seen too; as a
    /// Character it is neither "\r" nor "\n"), and a batch of candidate reports writes millions of cells.
    static func append(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        let formula = value.utf8.first.map(startsFormula) == true && Double(value) == nil
        value.withUTF8 { utf8 in
            let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            if formula { bytes.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// The first bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab, CR.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }
}
