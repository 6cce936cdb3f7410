/// The one HTML escaping table: `& < > " '` become entities, so a value can only ever be text.
/// The importer's sanitiser and every report use it.
public enum HTMLEscape {
    /// Appends `byte`, escaped, to UTF-8 output. Bytes of multi-byte characters pass through unchanged.
    @inlinable @inline(__always)
    public static func append(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
        default: output.append(byte)
        }
    }

    /// `text` with every special character escaped.
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 { append(byte, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}
