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
    /// Characters that normalising leaves alone (curly quotes, dashes, accented letters) are copied
    /// too; text with any other (Unicode spaces, combining marks) goes through `TextNormaliser`.
    ///
    /// Stretches that need no change (words and single spaces) are copied whole; only white-space
    /// runs and the five special characters are written byte by byte.
    mutating func appendCollapsedText(_ node: HTMLNode) {
        guard let text = node.textPointer else { return }
        let count = node.textByteCount, mark = bytes.count
        let buffer = UnsafeBufferPointer(start: text, count: count)
        var copied = 0, index = 0
        while index < count {
            let byte = text[index]
            if byte > 0x3E && byte < 0x80 {
                index += 1  // letters and most punctuation: nothing to escape or collapse
                continue
            }
            if byte >= 0x80 {
                if let length = TextBytes.unchangedSequenceLength(at: index, in: buffer) {
                    index += length
                    continue
                }
                bytes.removeSubrange(mark...)  // Unicode spaces and NFC: the careful path
                appendEscaped(Self.collapsedUnicode(node.content))
                return
            }
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if isSpace {
                var end = index + 1
                while end < count, text[end] == 0x20 || (text[end] >= 0x09 && text[end] <= 0x0D) { end += 1 }
                if byte == 0x20 && end == index + 1 {
                    index = end  // a lone space stays as it is
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(start: text + copied, count: index - copied))
                bytes.append(0x20)
                index = end
                copied = end
                continue
            }
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
            {
                bytes.append(contentsOf: UnsafeBufferPointer(start: text + copied, count: index - copied))
                HTMLEscape.append(byte, to: &bytes)
                copied = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: text + copied, count: count - copied))
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

    /// Empties the fragment, keeping its memory for the next.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func append(contentsOf raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
