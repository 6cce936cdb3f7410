/// An HTML fragment built as UTF-8 bytes, with escaping done byte by byte.
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends text with `& < > " '` escaped, so it can only ever be text.
    mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
