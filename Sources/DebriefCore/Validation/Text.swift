/// Normalising and checking free text that a person typed.
enum Text {
    /// Trims the value and refuses it when nothing is left.
    static func required(_ value: String, field: String, maxLength: Int = 200) throws(FieldError) -> String {
        let trimmed = normalised(value)
        guard !trimmed.isEmpty else {
            throw FieldError(field: field, "must not be empty")
        }
        guard trimmed.count <= maxLength else {
            throw FieldError(field: field, "is \(trimmed.count) characters long; keep it to \(maxLength)")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw FieldError(field: field, "must not contain control characters")
        }
        return trimmed
    }

    /// Trims the value; an empty or blank value becomes nil.
    static func optional(_ value: String?, field: String, maxLength: Int = 200) throws(FieldError) -> String? {
        guard let value, !normalised(value).isEmpty else { return nil }
        return try required(value, field: field, maxLength: maxLength)
    }

    /// Collapses runs of white space (including no-break spaces) into one space and trims the ends.
    static func normalised(_ value: String) -> String {
        value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
