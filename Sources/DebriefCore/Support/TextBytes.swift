import Foundation

/// Text normalised from UTF-8 bytes: white space (no-break and other Unicode spaces included)
/// collapsed to single spaces, zero-width characters dropped, trimmed, in Unicode NFC.
///
/// Works on bytes rather than Characters: the importer runs it on every block of every page, and
/// the store on every imported question, where Character-by-Character Unicode look-ups were most
/// of the time taken.
public enum TextBytes {
    /// The text of UTF-8 bytes, normalised straight into a String's own storage.
    public static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 0 else { return "" }
        var sawNonASCII = false
        let text = String(unsafeUninitializedCapacity: bytes.count) { output in
            var written = 0
            var pendingSpace = false
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
                    let skip = unicodeSpace(bytes, at: index)
                    if skip.length > 0 {
                        if skip.isSpace { pendingSpace = true }
                        index += skip.length
                        continue
                    }
                    sawNonASCII = true
                }
                if pendingSpace && written > 0 {
                    output[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                output[written] = byte
                written += 1
                index += 1
            }
            return written
        }
        return sawNonASCII ? text.precomposedStringWithCanonicalMapping : text
    }

    /// A multi-byte space (`isSpace`) or invisible character at `index`, and its length; 0 when neither.
    @inline(__always)
    private static func unicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isSpace: Bool) {
        let byte = bytes[index], count = bytes.count
        // U+00A0 no-break space → space; U+00AD soft hyphen → nothing
        if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD { return (2, bytes[index + 1] == 0xA0) }
        guard index + 2 < count else { return (0, false) }
        let second = bytes[index + 1], third = bytes[index + 2]
        // U+200B–U+200D zero-width, U+2060 word joiner, U+FEFF byte-order mark → nothing
        if (byte == 0xE2 && second == 0x80 && (0x8B...0x8D).contains(third)) || (byte == 0xE2 && second == 0x81 && third == 0xA0)
            || (byte == 0xEF && second == 0xBB && third == 0xBF)
        {
            return (3, false)
        }
        // other Unicode spaces (U+2000–U+200A, U+202F, U+205F, U+3000) → space
        if (byte == 0xE2 && second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xAF)) || (byte == 0xE2 && second == 0x81 && third == 0x9F)
            || (byte == 0xE3 && second == 0x80 && third == 0x80)
        {
            return (3, true)
        }
        return (0, false)
    }
}
