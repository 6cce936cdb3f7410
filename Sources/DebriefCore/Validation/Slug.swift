/// Identifiers that appear in files and URLs: rubric ids, competency ids, round kinds.
enum Slug {
    /// Accepts lower-case letters, digits, `-` and `_`, starting with a letter.
    static func validated(_ raw: String, field: String) throws(FieldError) -> String {
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
}
