/// What a request's `Accept-Encoding` allows (RFC 9110 §12.5.3), for the one coding Debrief sends.
enum AcceptEncoding {
    /// Whether `field` accepts gzip: named (or `*`) with a weight above zero, and not refused by name.
    /// Read byte by byte: every request for a kept report asks (a field is ASCII; white space is
    /// spaces and tabs, RFC 9110 §5.6.3).
    static func acceptsGzip(_ field: String?) -> Bool {
        guard let field else { return false }
        var named: Double?
        var wildcard: Double?
        for member in field.utf8.split(separator: UInt8(ascii: ",")) {
            let parts = member.split(separator: UInt8(ascii: ";")).map(trimmed)
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let weight = parts.dropFirst().lazy.compactMap(qualityValue).first ?? 1
            if equalsIgnoringCase(coding, "gzip") || equalsIgnoringCase(coding, "x-gzip") {
                named = weight
            } else if equalsIgnoringCase(coding, "*") {
                wildcard = weight
            }
        }
        return (named ?? wildcard ?? 0) > 0
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }

    /// The weight of a `q=` parameter, or nil for any other parameter (or a weight that is not a number).
    private static func qualityValue(_ parameter: Substring.UTF8View.SubSequence) -> Double? {
        guard parameter.count > 2, equalsIgnoringCase(parameter.prefix(2), "q=") else { return nil }
        return Double(String(decoding: parameter.dropFirst(2), as: UTF8.self))
    }

    private static func equalsIgnoringCase(_ bytes: Substring.UTF8View.SubSequence, _ ascii: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount)
        guard bytes.count == expected.count else { return false }
        for (byte, wanted) in zip(bytes, expected) {
            let lower: UInt8 = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != wanted { return false }
        }
        return true
    }
}
