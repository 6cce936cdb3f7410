import DebriefCore
import Foundation

/// A scorecard as an interviewer (or a recruiter for them) fills it in.
public struct ScorecardSubmission: Sendable {
    public var roundID: Int64
    /// Whose scorecard it is; nil for the signed-in person's own.
    public var interviewer: EmailAddress?
    public var ratings: [Rating]
    public var recommendation: Recommendation?
    public var notes: String?
    /// Save as a draft instead of submitting.
    public var draft: Bool
    /// Who typed it in for the interviewer. When nil and the signed-in person is not the
    /// interviewer, it is the signed-in person: a recruiter logging a scorecard on someone's behalf.
    public var enteredBy: EmailAddress?
    /// Why a submitted scorecard is being amended: required for an amendment.
    public var amendReason: String?

    public init(
        roundID: Int64, interviewer: EmailAddress?, ratings: [Rating], recommendation: Recommendation?, notes: String?, draft: Bool,
        enteredBy: EmailAddress? = nil, amendReason: String? = nil
    ) {
        self.roundID = roundID
        self.interviewer = interviewer
        self.ratings = ratings
        self.recommendation = recommendation
        self.notes = notes
        self.draft = draft
        self.enteredBy = enteredBy
        self.amendReason = amendReason
    }
}

/// A stored scorecard with the round and interviewer it belongs to, for saying what happened.
public struct SavedScorecard: Sendable {
    public let scorecard: Scorecard
    /// The scorecard in Debrief's compact JSON, as its audit event keeps it.
    public let json: String
    public let round: Round
    public let interviewer: User
    /// Who typed it in, when that was not the interviewer.
    public let enteredBy: User?

    /// "Submitted amendment v2 of grace@example.com's scorecard for round #3 (technical)", and the like.
    public var summary: String {
        let what = "\(interviewer.email)'s scorecard for round #\(round.id ?? 0) (\(round.kind))"
        switch (scorecard.state, scorecard.version) {
        case (.draft, _): return "Saved a draft of \(what)" + by
        case (_, 1): return "Submitted \(what)" + by
        default: return "Submitted amendment v\(scorecard.version) of \(what)" + by
        }
    }

    private var by: String {
        enteredBy.map { ", entered by \($0.email)" } ?? ""
    }
}

extension DebriefService {
    /// Saves or submits a scorecard under the round's position's rubric: drafts until submitted,
    /// then locked, and submitting again stores the next version.
    public func submitScorecard(_ submission: ScorecardSubmission, by principal: Principal) async throws -> SavedScorecard {
        // Whose scorecard: the one named, or the signed-in person's own; refused first, before any look-up.
        let interviewerRequired = FieldError(field: "interviewer", "is required for a caller who is not a user")
        guard submission.interviewer != nil || principal.userID != nil else { throw interviewerRequired }
        let (round, rubricID) = try await database.roundAndRubricID(id: submission.roundID)
        let rubric = try rubric(rubricID)
        let interviewer: User
        switch (submission.interviewer, principal.userID) {
        case (let email?, _): interviewer = try await database.user(email: email)
        case (nil, let userID?): interviewer = try await database.user(id: userID)
        case (nil, nil): throw interviewerRequired
        }
        try require(.scoreRound(panel: round.interviewerIDs, interviewer: interviewer.id ?? 0), principal)
        var enteredBy: User?
        if let email = submission.enteredBy {
            enteredBy = try await database.user(email: email)
        } else if let userID = principal.userID, userID != interviewer.id {
            enteredBy = try await database.user(id: userID)
        }
        if enteredBy?.id == interviewer.id { enteredBy = nil }
        let scorecard = try Scorecard(
            roundID: submission.roundID, interviewerID: interviewer.id ?? 0, state: submission.draft ? .draft : .submitted, rubricID: rubric.id,
            rubricHash: rubric.contentHash, scale: rubric.ratingScale, ratings: submission.ratings, recommendation: submission.recommendation,
            notes: submission.notes ?? "", submittedAt: submission.draft ? nil : Date(), enteredByID: enteredBy?.id,
            amendReason: submission.amendReason)
        let stored = try await database.saveScorecard(scorecard, rubric: rubric, by: principal)
        ServiceMetrics.scorecardSaved(submitted: stored.scorecard.state == .submitted, onBehalf: enteredBy != nil)
        return SavedScorecard(scorecard: stored.scorecard, json: stored.json, round: round, interviewer: interviewer, enteredBy: enteredBy)
    }

    /// The scorecards of a round that `viewer` may read (see `ScorecardRules.visible`): each
    /// interviewer's current version, or every version with `history`.
    public func scorecards(roundID: Int64, visibleTo viewer: Principal, history: Bool) async throws -> [Scorecard] {
        let cards = ScorecardRules.visible(try await database.scorecards(roundID: roundID), to: viewer)
        guard !history else { return cards }
        let latest = Dictionary(grouping: cards, by: \.interviewerID).mapValues { $0.map(\.version).max() ?? 0 }
        return cards.filter { $0.version == latest[$0.interviewerID] }
    }
}
