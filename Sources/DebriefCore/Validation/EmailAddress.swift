/// An email address, trimmed and lower-cased, checked for the shape mail systems accept.
///
/// Debrief uses emails as the natural key of people, so two spellings of one address
/// (`Ada@Example.com`, ` ada@example.com`) must compare equal.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let value: String

    public init(_ raw: String, field: String = "email") throws(FieldError) {
        let candidate = raw.trimmingWhitespace().lowercased()
        guard !candidate.isEmpty else { throw FieldError(field: field, "must not be empty") }
        guard candidate.count <= 254 else { throw FieldError(field: field, "is longer than 254 characters") }
        let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw FieldError(field: field, "'\(raw)' is not an email address: it needs exactly one '@', as in name@example.com")
        }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.count <= 64 else {
            throw FieldError(field: field, "'\(raw)' has no name before the '@'")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(Self.isValidDomainLabel) else {
            throw FieldError(field: field, "'\(raw)' has no valid domain after the '@', as in name@example.com")
        }
        guard local.allSatisfy(Self.isAllowedInLocalPart), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw FieldError(field: field, "'\(raw)' has characters an email address cannot hold before the '@'")
        }
        value = candidate
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    private static func isValidDomainLabel(_ label: Substring) -> Bool {
        !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
            && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    private static func isAllowedInLocalPart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "!#$%&'*+/=?^_`{|}~.-".contains(character)
    }

    /// A name for someone known only by their email: the local part, dots as spaces, capitalised
    /// (`grace.hopper@…` → `Grace Hopper`).
    public var nameGuess: String {
        String(value.split(separator: "@")[0]).replacingOccurrences(of: ".", with: " ").capitalized
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
