/// How a person points at a candidate: by id or by email.
public enum CandidateReference: Hashable, Sendable, CustomStringConvertible {
    case id(Int64)
    case email(EmailAddress)

    /// Reads `12` or `#12` as an id and anything with an `@` as an email.
    public init(parsing text: String) throws(FieldError) {
        let trimmed = text.trimmingWhitespace()
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if let id = Int64(digits), id > 0 {
            self = .id(id)
        } else if trimmed.contains("@") {
            self = .email(try EmailAddress(trimmed, field: "candidate"))
        } else {
            throw FieldError(field: "candidate", "'\(text)' is neither a candidate id (such as 12) nor an email")
        }
    }

    public var description: String {
        switch self {
        case .id(let id): "#\(id)"
        case .email(let email): email.value
        }
    }
}
