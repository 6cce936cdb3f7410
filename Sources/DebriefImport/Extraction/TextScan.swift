/// Byte-level checks on UTF-8 text for the importer's hot paths: every block of a page goes
/// through them, and `lowercased()`, Foundation's `contains` and Character counts each cost an
/// allocation or a Unicode walk per call. Patterns are ASCII and compared case-insensitively.
enum TextScan {
    /// True when any byte is 0x80 or above, read eight at a time.
    static func hasNonASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let words = bytes.count / 8
        var high: UInt64 = 0
        for index in 0..<words { high |= bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
        if high & 0x8080_8080_8080_8080 != 0 { return true }
        return bytes[(words * 8)...].contains { $0 >= 0x80 }
    }

    /// True when `text` starts with the ASCII `prefix`, ignoring ASCII case.
    static func hasPrefix(_ text: Substring, ignoringCase prefix: StaticString) -> Bool {
        var bytes = text.utf8.makeIterator()
        for index in 0..<prefix.utf8CodeUnitCount {
            guard let byte = bytes.next(), lower(byte) == prefix.utf8Start[index] else { return false }
        }
        return true
    }

    /// True when `bytes` from `start` begin with the lower-case ASCII `prefix`, ignoring ASCII case.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, ignoringCase prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count - start >= count else { return false }
        for index in 0..<count where lower(bytes[start + index]) != prefix.utf8Start[index] { return false }
        return true
    }

    static func hasPrefix(_ text: String, ignoringCase prefix: StaticString) -> Bool {
        hasPrefix(text[...], ignoringCase: prefix)
    }

    /// True when the ASCII `needle` occurs in `text`, ignoring ASCII case.
    static func contains(_ text: String, ignoringCase needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, ignoringCase: needle) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, ignoringCase needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        guard haystack.count >= count else { return false }
        let pattern = needle.utf8Start
        for start in 0...(haystack.count - count) where lower(haystack[start]) == pattern[0] {
            var index = 1
            while index < count && lower(haystack[start + index]) == pattern[index] { index += 1 }
            if index == count { return true }
        }
        return false
    }

    /// True when `text` has at most `limit` Characters; counts Characters only when the bytes
    /// cannot decide, and then only the first `limit` of them, so a paragraph of prose is not walked
    /// to its end. No more bytes than the limit means no more Characters; more than `limit` ASCII
    /// bytes other than CR (which joins a following LF) first means more Characters.
    static func isShort(_ text: String, atMost limit: Int) -> Bool {
        let bytes = text.utf8.count
        if bytes <= limit { return true }
        var text = text
        let longASCIIStart = text.withUTF8 { utf8 in !utf8[...limit].contains { $0 >= 0x80 || $0 == 0x0D } }
        if longASCIIStart { return false }
        guard let afterLimit = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) else { return true }
        return afterLimit == text.endIndex
    }

    /// True when the text's last byte is `byte` (an ASCII mark such as `?` or `.`).
    static func endsWith(_ text: String, _ byte: UInt8) -> Bool {
        text.utf8.last == byte
    }

    /// True for an ASCII letter, either case.
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The ASCII lower case of a byte; other bytes unchanged.
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
