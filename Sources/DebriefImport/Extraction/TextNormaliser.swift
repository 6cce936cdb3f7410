import Foundation

/// Text as Debrief stores it: entities already decoded by libxml2, white space (no-break spaces
/// included) collapsed to single spaces, zero-width characters dropped, trimmed, in Unicode NFC.
///
/// Works on UTF-8 bytes: this runs for every block of every page, and Character-by-Character
/// Unicode property look-ups made it most of an import's time.
enum TextNormaliser {
    static func normalise(_ text: String) -> String {
        var text = text
        return text.withUTF8 { normalise(bytes: $0) }
    }

    /// Normalises UTF-8 bytes straight into a String.
    static func normalise(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var sawNonASCII = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                index += 1
                continue
            }
            if byte >= 0x80 {
                // U+00A0 no-break space → space; U+00AD soft hyphen → nothing
                if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD {
                    if bytes[index + 1] == 0xA0 { pendingSpace = true }
                    index += 2
                    continue
                }
                // U+200B–U+200D zero-width, U+2060 word joiner, U+FEFF byte-order mark → nothing
                if index + 2 < count,
                    (byte == 0xE2 && bytes[index + 1] == 0x80 && (0x8B...0x8D).contains(bytes[index + 2]))
                        || (byte == 0xE2 && bytes[index + 1] == 0x81 && bytes[index + 2] == 0xA0)
                        || (byte == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                {
                    index += 3
                    continue
                }
                // other Unicode spaces (U+2000–U+200A, U+202F, U+205F, U+3000) → space
                if index + 2 < count,
                    (byte == 0xE2 && bytes[index + 1] == 0x80 && ((0x80...0x8A).contains(bytes[index + 2]) || bytes[index + 2] == 0xAF))
                        || (byte == 0xE2 && bytes[index + 1] == 0x81 && bytes[index + 2] == 0x9F)
                        || (byte == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80)
                {
                    pendingSpace = true
                    index += 3
                    continue
                }
                sawNonASCII = true
            }
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
            index += 1
        }
        let text = String(decoding: output, as: UTF8.self)
        return sawNonASCII ? text.precomposedStringWithCanonicalMapping : text
    }

    /// True when the text holds anything but white space.
    static func hasVisibleText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasVisibleText(bytes: $0) }
    }

    /// True when a text node holds anything but white space, read straight from the page tree.
    static func hasVisibleText(_ node: HTMLNode) -> Bool {
        guard let start = node.textPointer else { return false }
        return hasVisibleText(bytes: UnsafeBufferPointer(start: start, count: node.textByteCount))
    }

    static func hasVisibleText(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return !normalise(bytes: bytes).isEmpty }  // a no-break or zero-width space is not text
            if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { return true }
        }
        return false
    }
}
