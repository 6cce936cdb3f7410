import Foundation

/// An interviewer's overall call on a candidate after a round.
public enum Recommendation: String, CaseIterable, Codable, Sendable {
    case strongNo = "strong_no"
    case no
    case yes
    case strongYes = "strong_yes"
    /// The interviewer saw too little to decide; never counted as a vote either way.
    case noDecision = "no_decision"

    public init(parsing text: String) throws(FieldError) {
        if let stored = Recommendation(rawValue: text) {  // the stored spelling, as every scorecard row has it
            self = stored
            return
        }
        let key = text.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        guard let value = Recommendation(rawValue: key) else {
            let names = Recommendation.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldError(field: "recommendation", "'\(text)' is not a recommendation; use one of: \(names)")
        }
        self = value
    }

    /// The recommendation as people read it on pages and in reports: "strong no", "no decision"
    /// (JSON, CSV and the CLI keep the stored spelling).
    public var label: String {
        switch self {
        case .strongNo: "strong no"
        case .no: "no"
        case .yes: "yes"
        case .strongYes: "strong yes"
        case .noDecision: "no decision"
        }
    }

    /// The label of a recommendation stored as its spelling, or "–" for none.
    public static func label(of stored: String?) -> String {
        guard let stored else { return "–" }
        return Recommendation(rawValue: stored)?.label ?? stored
    }
}
