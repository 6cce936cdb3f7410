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
        var mayChangeUnderNFC = false
        let text = String(unsafeUninitializedCapacity: bytes.count) { output in
            var writer = SpaceCollapsingWriter(output)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte > 0x20 && byte < 0x80 {
                    // Words and the single spaces between them are copied as one run.
                    var end = index + 1
                    while end < count {
                        let next = bytes[end]
                        if next > 0x20 && next < 0x80 {
                            end += 1
                        } else if next == 0x20, end + 1 < count, bytes[end + 1] > 0x20, bytes[end + 1] < 0x80 {
                            end += 2
                        } else {
                            break
                        }
                    }
                    writer.emit(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    writer.pendingSpace = true
                    index += 1
                    continue
                }
                if byte >= 0x80 {
                    let skip = unicodeSpace(bytes, at: index)
                    if skip.length > 0 {
                        if skip.isSpace { writer.pendingSpace = true }
                        index += skip.length
                        continue
                    }
                    // checked at each sequence's lead byte; its continuation bytes are copied after it
                    if !mayChangeUnderNFC && byte >= 0xC0 && !isStableUnderNFC(scalarAt: index, in: bytes) {
                        mayChangeUnderNFC = true
                    }
                }
                writer.emit(byte)
                index += 1
            }
            return writer.written
        }
        // Normalising goes through Foundation's bridged string and was most of the time taken on pages
        // of prose with curly quotes and dashes; text of scalars that NFC never changes is returned as is.
        return mayChangeUnderNFC ? text.precomposedStringWithCanonicalMapping : text
    }

    /// The length of the UTF-8 sequence of a non-ASCII scalar at `index` when `normalised(_:)` copies it
    /// unchanged (not a Unicode space or invisible character, and left alone by NFC); nil otherwise.
    ///
    /// Lets callers that copy text straight from a parser's bytes go on copying through curly quotes,
    /// dashes and accented letters instead of taking the careful path for the whole text.
    @inline(__always)
    public static func unchangedSequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, unicodeSpace(bytes, at: index).length == 0, isStableUnderNFC(scalarAt: index, in: bytes) else { return nil }
        return length
    }

    /// Whether the scalar whose UTF-8 sequence starts at `index` is one that NFC leaves alone wherever it
    /// stands: canonical combining class 0, its own NFC form, and never the second of a composition.
    ///
    /// A conservative allow-list of the blocks real pages use (Latin, Cyrillic, punctuation, currency,
    /// arrows and symbols, CJK ideographs, variation selectors, emoji); anything else, combining marks
    /// and Hangul included, makes the caller normalise. A test checks every scalar the list admits.
    @inline(__always)
    static func isStableUnderNFC(scalarAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let scalar = scalarValue(at: index, in: bytes) else { return false }
        return isStableUnderNFC(scalar)
    }

    /// The allow-list behind `isStableUnderNFC(scalarAt:in:)`, by scalar value.
    static func isStableUnderNFC(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00A0...0x02FF,  // Latin-1 supplement, Latin extended A and B, IPA, spacing modifiers
            0x0400...0x0482, 0x048A...0x052F,  // Cyrillic without its combining marks
            0x2010...0x2064,  // dashes, quotes, bullets, ellipsis and the rest of general punctuation
            0x2070...0x20CF,  // super- and subscripts, currency signs
            0x2190...0x2328, 0x232B...0x27BF,  // arrows, mathematical operators, technical symbols, shapes, dingbats
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xFE00...0xFE0F,  // variation selectors
            0x1F000...0x1FAFF:  // emoji and other pictographs
            return true
        default:
            return false
        }
    }

    /// The scalar value of the well-formed UTF-8 sequence starting at `index`; nil for a malformed one.
    @inline(__always)
    private static func scalarValue(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let lead = bytes[index], count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard let b1 = continuation(1) else { return nil }
            return UInt32(lead & 0x1F) << 6 | b1
        case 0xE0...0xEF:
            guard let b1 = continuation(1), let b2 = continuation(2) else { return nil }
            return UInt32(lead & 0x0F) << 12 | b1 << 6 | b2
        case 0xF0...0xF4:
            guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else { return nil }
            return UInt32(lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
        default:
            return nil
        }
    }

    /// A multi-byte space (`isSpace`) or invisible character at `index`, and its length; 0 when neither.
    @inline(__always)
    static func unicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isSpace: Bool) {
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

/// Writes bytes into a buffer with runs of white space as one space between words: a space asked
/// for (`pendingSpace`) is written only before the next byte, never first or last.
struct SpaceCollapsingWriter {
    private let output: UnsafeMutableBufferPointer<UInt8>
    private(set) var written = 0
    var pendingSpace = false

    init(_ output: UnsafeMutableBufferPointer<UInt8>) {
        self.output = output
    }

    /// Writes a run that starts with a byte other than white space, after the pending space.
    @inline(__always)
    mutating func emit(_ run: UnsafeBufferPointer<UInt8>) {
        if pendingSpace && written > 0 {
            output[written] = 0x20
            written += 1
        }
        pendingSpace = false
        UnsafeMutableBufferPointer(rebasing: output[written...]).baseAddress!.update(from: run.baseAddress!, count: run.count)
        written += run.count
    }

    @inline(__always)
    mutating func emit(_ byte: UInt8) {
        if pendingSpace && written > 0 {
            output[written] = 0x20
            written += 1
        }
        pendingSpace = false
        output[written] = byte
        written += 1
    }
}
