import Foundation

/// The kind of an interview round. Rubrics say which competencies each kind covers,
/// so a team can add its own kinds beside the common ones.
public struct RoundKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let phoneScreen = RoundKind(trusted: "phone_screen")
    public static let technical = RoundKind(trusted: "technical")
    public static let systemDesign = RoundKind(trusted: "system_design")
    public static let hr = RoundKind(trusted: "hr")
    /// The kinds every shipped rubric knows.
    public static let common: [RoundKind] = [.phoneScreen, .technical, .systemDesign, .hr]

    /// Accepts a slug (`system_design`); spaces and dashes as a person types them become `_`.
    public init(parsing text: String) throws(FieldError) {
        // Stored kinds are already canonical: a large position reads one per scorecard.
        if Slug.isPlainSlug(text), !text.utf8.contains(UInt8(ascii: "-")) {
            rawValue = text
            return
        }
        let slug = text.trimmingWhitespace().lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        rawValue = try Slug.validated(slug, field: "kind")
    }

    public init?(rawValue: String) {
        guard let kind = try? RoundKind(parsing: rawValue) else { return nil }
        self = kind
    }

    private init(trusted: String) { rawValue = trusted }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The kind as people read it on pages and in reports: "phone screen", "system design", "HR"
    /// (JSON, CSV and the CLI's flags keep the slug).
    public var label: String {
        // Written out for the common kinds: a batch of reports names a round kind hundreds of thousands of times.
        switch rawValue {
        case "phone_screen": "phone screen"
        case "technical": "technical"
        case "system_design": "system design"
        case "hr": "HR"
        default: Slug.words(rawValue)
        }
    }

    /// The label of a kind stored as its slug.
    public static func label(of slug: String) -> String { RoundKind(rawValue: slug)?.label ?? slug }
}
