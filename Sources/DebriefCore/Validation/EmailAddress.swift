/// An email address, trimmed and lower-cased, checked for the shape mail systems accept.
///
/// Debrief uses emails as the natural key of people, so two spellings of one address
/// (`Ada@Example.com`, ` ada@example.com`) must compare equal.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let value: String

    public init(_ raw: String, field: String = "email") throws(FieldError) {
        if let canonical = Self.canonicalASCII(raw) {
            value = canonical
            return
        }
        value = try Self.fullyChecked(raw, field: field)
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

    /// The trimmed, lower-cased address, or the error that says what is wrong with `raw`.
    static func fullyChecked(_ raw: String, field: String) throws(FieldError) -> String {
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
        return candidate
    }

    /// `raw` lower-cased when it is printable ASCII with no spaces and an address by the same rules as
    /// `fullyChecked`'s rules, else nil, and `fullyChecked` decides (and words the error). Every stored
    /// email is read back through here, on every request, and the full check walks `Character`s.
    static func canonicalASCII(_ raw: String) -> String? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(raw.utf8.count)
        var at: Int?
        for byte in raw.utf8 {
            guard byte > 0x20, byte < 0x7F else { return nil }  // spaces and controls, and anything not ASCII
            if byte == UInt8(ascii: "@") {
                guard at == nil else { return nil }
                at = bytes.count
            }
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        guard let at, bytes.count <= 254, at >= 1, at <= 64 else { return nil }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard local.allSatisfy(isAllowedInLocalPart), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return nil }
        guard !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }) else { return nil }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isValidDomainLabel) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isValidDomainLabel(_ label: ArraySlice<UInt8>) -> Bool {
        !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
            && label.allSatisfy { isASCIILetterOrDigit($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isAllowedInLocalPart(_ byte: UInt8) -> Bool {
        isASCIILetterOrDigit(byte) || localPartSymbols.utf8.contains(byte)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isValidDomainLabel(_ label: Substring) -> Bool {
        !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
            && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    private static func isAllowedInLocalPart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || localPartSymbols.contains(character)
    }

    /// What a local part may hold besides letters and digits, for both checks.
    private static let localPartSymbols = "!#$%&'*+/=?^_`{|}~.-"

    /// A name for someone known only by their email: the local part, dots as spaces, capitalised
    /// (`grace.hopper@…` → `Grace Hopper`).
    public var nameGuess: String {
        String(value.split(separator: "@")[0]).replacingOccurrences(of: ".", with: " ").capitalized
    }
}

extension String {
    /// The string without the whitespace Characters at its ends.
    ///
    /// Most strings have none, and every stored rating's note passes here when a position is read:
    /// when the first and last bytes are ASCII and not whitespace, neither end's Character is
    /// whitespace (a Character's whitespace is its first scalar's, and an ASCII byte at the end is
    /// either a Character of its own or follows a prepended mark, itself not whitespace), so the
    /// string is its own answer, without a walk over Characters and a copy.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, !Self.startsOrEndsWithWhitespace(first), !Self.startsOrEndsWithWhitespace(last) {
            return self
        }
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// Whether an end byte may belong to a whitespace Character: a non-ASCII byte, or ASCII
    /// whitespace (tab, line feed, vertical tab, form feed, carriage return, space).
    private static func startsOrEndsWithWhitespace(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
