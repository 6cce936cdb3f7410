import Foundation

/// Where a scorecard is in its life: drafts can change; submitted ones are locked.
public enum ScorecardState: String, Codable, Sendable, CaseIterable {
    case draft
    case submitted
}

/// One interviewer's ratings, notes and recommendation for one round.
public struct Scorecard: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var roundID: Int64
    public var interviewerID: Int64
    public var state: ScorecardState
    /// 1 for the first submission; each amendment of a submitted scorecard is the next version.
    public var version: Int
    /// The rubric, and the hash of the rubric file's content, the ratings were made under.
    public var rubricID: String
    public var rubricHash: String
    public var scale: RatingScale
    public var ratings: [Rating]
    public var recommendation: Recommendation?
    public var notes: String
    public var submittedAt: Date?
    /// The user who typed this scorecard in for the interviewer (a recruiter logging it on their
    /// behalf); nil when the interviewer entered it themselves.
    public var enteredByID: Int64?
    /// Why a submitted scorecard was amended: required from version 2 on, nil before.
    public var amendReason: String?

    public init(
        id: Int64? = nil, roundID: Int64, interviewerID: Int64, state: ScorecardState = .draft, version: Int = 1,
        rubricID: String, rubricHash: String, scale: RatingScale, ratings: [Rating], recommendation: Recommendation? = nil,
        notes: String = "", submittedAt: Date? = nil, enteredByID: Int64? = nil, amendReason: String? = nil
    ) throws(FieldError) {
        guard version >= 1 else { throw FieldError(field: "version", "must be 1 or more, not \(version)") }
        guard !rubricHash.isEmpty else { throw FieldError(field: "rubric hash", "must not be empty") }
        // Keyed without building a string per rating: a large position loads a million of them.
        struct Rated: Hashable {
            let competencyID: String
            let questionID: Int64?
        }
        var seen = Set<Rated>(minimumCapacity: ratings.count)
        for rating in ratings {
            try scale.validate(rating.value, field: "rating for \(rating.competencyID)")
            guard seen.insert(Rated(competencyID: rating.competencyID, questionID: rating.questionID)).inserted else {
                throw FieldError(field: "rating for \(rating.competencyID)", "is given twice; rate each competency (and question) once")
            }
        }
        if state == .submitted {
            guard recommendation != nil else {
                throw FieldError(field: "recommendation", "a submitted scorecard needs an overall recommendation (no_decision is allowed)")
            }
            guard submittedAt != nil else { throw FieldError(field: "submitted at", "a submitted scorecard needs its submission time") }
        }
        self.id = id
        self.roundID = roundID
        self.interviewerID = interviewerID
        self.state = state
        self.version = version
        self.rubricID = try Slug.validated(rubricID, field: "rubric")
        self.rubricHash = rubricHash
        self.scale = scale
        self.ratings = ratings
        self.recommendation = recommendation
        self.notes = notes.trimmingWhitespace()
        self.submittedAt = submittedAt
        self.enteredByID = enteredByID == interviewerID ? nil : enteredByID
        self.amendReason = try Text.optional(amendReason, field: "reason", maxLength: 500)
    }
}
