/// Normalising and checking free text that a person typed.
enum Text {
    /// Trims the value and refuses it when nothing is left.
    static func required(_ value: String, field: String, maxLength: Int = 200) throws(FieldError) -> String {
        try checked(normalised(value), field: field, maxLength: maxLength)
    }

    /// Trims the value; an empty or blank value becomes nil.
    static func optional(_ value: String?, field: String, maxLength: Int = 200) throws(FieldError) -> String? {
        guard let value else { return nil }
        let trimmed = normalised(value)
        return trimmed.isEmpty ? nil : try checked(trimmed, field: field, maxLength: maxLength)
    }

    /// Collapses runs of white space (including no-break spaces) into one space and trims the ends.
    static func normalised(_ value: String) -> String {
        var value = value
        if let ascii = value.withUTF8(asciiNormalised) { return ascii }
        return value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func checked(_ trimmed: String, field: String, maxLength: Int) throws(FieldError) -> String {
        guard !trimmed.isEmpty else {
            throw FieldError(field: field, "must not be empty")
        }
        // A character is at least one byte, so a short enough byte count needs no character count.
        if trimmed.utf8.count > maxLength, trimmed.count > maxLength {
            throw FieldError(field: field, "is \(trimmed.count) characters long; keep it to \(maxLength)")
        }
        let plain = trimmed.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard plain || !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw FieldError(field: field, "must not contain control characters")
        }
        return trimmed
    }

    /// `normalised` for ASCII text, byte by byte (Character-by-Character splitting is slow for long
    /// text such as an imported answer); nil when the text has other characters.
    private static func asciiNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        bytes.allSatisfy { $0 < 0x80 } ? TextBytes.normalised(bytes) : nil
    }
}
