/// The question checks of `QuestionHeuristics` read straight from the UTF-8 of plain ASCII text,
/// where a byte is a Character: every heading, paragraph and list item of a page is asked whether
/// it reads as a question, and the Character-level reading (`lowercased()`, Foundation's trimming)
/// costs allocations and a Unicode walk per word. Each check answers nil for text it cannot read
/// this way, and the caller then takes the Character-level path.
enum ASCIIWords {
    /// `QuestionHeuristics.isQuestionLike` for text that is already normalised, printable ASCII
    /// (single spaces between words, none at either end); nil for any other text.
    static func isQuestionLike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard isPlainNormalised(bytes) else { return nil }
        guard bytes.count >= 4, bytes.count <= 2_400 else { return false }
        if bytes[bytes.count - 1] == UInt8(ascii: "?") { return true }
        if TextScan.contains(bytes, ignoringCase: "? ") || TextScan.contains(bytes, ignoringCase: "?)") { return true }
        var words = WordCursor(bytes)
        guard let first = words.next() else { return false }
        return QuestionHeuristics.opensQuestion(first, then: words.next())
    }

    /// True when `word` (lower-case ASCII letters) is a whole word of the text, in any case, where
    /// words are runs of letters; nil when the text is not all ASCII.
    static func hasWord(_ bytes: UnsafeBufferPointer<UInt8>, ignoringCase word: StaticString) -> Bool? {
        guard !TextScan.hasNonASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
        let length = word.utf8CodeUnitCount
        var start = 0
        while start < bytes.count {
            guard TextScan.isLetter(bytes[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count && TextScan.isLetter(bytes[end]) { end += 1 }
            if end - start == length, TextScan.hasPrefix(bytes, from: start, ignoringCase: word) { return true }
            start = end
        }
        return false
    }

    /// Printable ASCII with single spaces between words and none at either end: what normalising
    /// (`TextNormaliser`) would leave unchanged, so it need not be done.
    static func isPlainNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
        var previousWasSpace = false
        for byte in bytes {
            guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previousWasSpace) else { return false }
            previousWasSpace = byte == 0x20
        }
        return true
    }

    /// The ASCII characters in Unicode's punctuation categories (Foundation's `punctuationCharacters`):
    /// `! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }`; `$ + < = > ^ ` | ~` are symbols, not punctuation.
    static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: true
        default: false
        }
    }

    /// The words of a line split at spaces and commas, empty ones skipped, each in lower case with
    /// the punctuation at its ends trimmed, as `isQuestionLikeByCharacters` reads them.
    private struct WordCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> String? {
            while index < bytes.count, isSeparator(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            var start = index
            while index < bytes.count, !isSeparator(bytes[index]) { index += 1 }
            var end = index
            while start < end, ASCIIWords.isPunctuation(bytes[start]) { start += 1 }
            while end > start, ASCIIWords.isPunctuation(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { output in
                for offset in 0..<(end - start) { output[offset] = TextScan.lower(bytes[start + offset]) }
                return end - start
            }
        }

        private func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == UInt8(ascii: ",") }
    }
}
