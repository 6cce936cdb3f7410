/// Identifiers that appear in files and URLs: rubric ids, competency ids, round kinds.
enum Slug {
    /// Accepts lower-case letters, digits, `-` and `_`, starting with a letter.
    static func validated(_ raw: String, field: String) throws(FieldError) -> String {
        if isPlainSlug(raw) { return raw }  // every rating of every scorecard passes here: skip the Character walk
        let value = raw.trimmingWhitespace()
        guard let first = value.first, first.isASCII, first.isLetter, first.isLowercase,
            value.count <= 64,
            value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw FieldError(
                field: field, "'\(raw)' is not a valid id; use lower-case letters, digits, '-' or '_', starting with a letter")
        }
        return value
    }

    /// A slug or code as words people read: `system_design` is "system design". Character by
    /// character, not Foundation's `replacingOccurrences`: a batch of reports asks hundreds of
    /// thousands of times.
    static func words(_ slug: String) -> String {
        String(slug.map { $0 == "_" ? " " : $0 })
    }

    /// The common case read as bytes: already trimmed, ASCII, and valid.
    static func isPlainSlug(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, (0x61...0x7A).contains(first), bytes.count <= 64 else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}
