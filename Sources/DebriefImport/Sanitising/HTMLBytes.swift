import DebriefCore

/// An HTML fragment built as UTF-8 bytes, with escaping done byte by byte.
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends text with `& < > " '` escaped, so it can only ever be text.
    mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 { HTMLEscape.append(byte, to: &bytes) }
    }

    /// Appends a text node's text with runs of ASCII white space collapsed to one space (the ends
    /// kept, since inline text sits between tags) and escaped, straight from libxml2's bytes.
    /// Text with other characters goes through `TextNormaliser` for its Unicode rules.
    mutating func appendCollapsedText(_ node: HTMLNode) {
        guard let start = node.textPointer else { return }
        var cursor = start
        while cursor.pointee != 0 {
            if cursor.pointee >= 0x80 {
                appendEscaped(Self.collapsedUnicode(node.content))
                return
            }
            cursor += 1
        }
        var pendingSpace = false
        cursor = start
        while cursor.pointee != 0 {
            let byte = cursor.pointee
            cursor += 1
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            HTMLEscape.append(byte, to: &bytes)
        }
        if pendingSpace { bytes.append(0x20) }
    }

    private static func collapsedUnicode(_ text: String) -> String {
        let leading = text.utf8.first.map { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } ?? false
        let trailing = text.utf8.last.map { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } ?? false
        let core = TextNormaliser.normalise(text)
        if core.isEmpty { return leading || trailing ? " " : "" }
        return (leading ? " " : "") + core + (trailing ? " " : "")
    }

    mutating func removeSubrange(_ range: Range<Int>) {
        bytes.removeSubrange(range)
    }

    mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
