/// Where a candidate stands in the hiring pipeline.
///
/// The pipeline runs applied → screening → interviewing → offer → hired. A candidate can leave
/// it from any open stage as `rejected` (our decision) or `withdrawn` (theirs). Closed stages
/// can be reopened only back into `screening`, for a candidate who comes back.
public enum PipelineStage: String, CaseIterable, Codable, Sendable, Comparable {
    case applied, screening, interviewing, offer, hired, rejected, withdrawn

    /// True for the stages where the process has ended.
    public var isClosed: Bool { self == .hired || self == .rejected || self == .withdrawn }

    /// The stages a candidate in this stage may be moved to.
    public var allowedNextStages: [PipelineStage] {
        switch self {
        case .applied: [.screening, .rejected, .withdrawn]
        case .screening: [.interviewing, .rejected, .withdrawn]
        case .interviewing: [.offer, .rejected, .withdrawn]
        case .offer: [.hired, .rejected, .withdrawn]
        case .hired: []
        case .rejected, .withdrawn: [.screening]
        }
    }

    /// Checks a move and explains a refused one.
    public func validateMove(to next: PipelineStage) throws(FieldError) {
        guard next != self else {
            throw FieldError(field: "stage", "the candidate is already in '\(rawValue)'")
        }
        guard allowedNextStages.contains(next) else {
            let allowed = allowedNextStages.map(\.rawValue).joined(separator: ", ")
            let hint = allowed.isEmpty ? "'\(rawValue)' is final" : "from '\(rawValue)' the candidate can move to: \(allowed)"
            throw FieldError(field: "stage", "cannot move from '\(rawValue)' to '\(next.rawValue)'; \(hint)")
        }
    }

    /// Parses a stage name as a person would type it (any case).
    public init(parsing text: String) throws(FieldError) {
        guard let stage = PipelineStage(rawValue: text.trimmingWhitespace().lowercased()) else {
            let names = PipelineStage.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldError(field: "stage", "'\(text)' is not a stage; use one of: \(names)")
        }
        self = stage
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}
