import Foundation

/// What a position's report is computed from: its people and its current submitted scorecards
/// already folded to one value per competency.
///
/// A dossier holds every rating with its note, every round's panel and the rated questions, which
/// only candidate reports show; for a position of a million ratings reading those was most of a
/// cold report's time and memory. A store reads these facts directly; a dossier gives the same ones.
public struct PositionFacts: Sendable {
    public let position: Position
    /// Candidates with at least one round for the position.
    public let candidates: [Candidate]
    /// At least every user who submitted one of `cards`.
    public let interviewers: [User]
    /// The current submitted scorecards, in round then interviewer order.
    public let cards: [ScoredCard]
    /// For each of `cards`, in the same order: the rubric version it was made under and when it was submitted.
    public let provenance: [ScorecardProvenance]
    /// Rubric text by content hash, for every version in `provenance`.
    public let rubricVersions: [String: String]
    /// The version of the data read, from the same snapshot; nil when not read from a store.
    public let dataVersion: ReportDataVersion?

    public init(
        position: Position, candidates: [Candidate], interviewers: [User], cards: [ScoredCard], provenance: [ScorecardProvenance],
        rubricVersions: [String: String], dataVersion: ReportDataVersion?
    ) {
        precondition(cards.count == provenance.count, "one provenance per card")
        self.position = position
        self.candidates = candidates
        self.interviewers = interviewers
        self.cards = cards
        self.provenance = provenance
        self.rubricVersions = rubricVersions
        self.dataVersion = dataVersion
    }

    /// The same facts taken from a dossier.
    public init(_ dossier: PositionDossier) {
        self.init(
            position: dossier.position, candidates: dossier.candidates, interviewers: dossier.interviewers,
            cards: dossier.scorecards.map { ScoredCard(scorecard: $0.scorecard, candidateID: $0.candidateID, roundKind: $0.roundKind) },
            provenance: dossier.scorecards.map { ScorecardProvenance(rubricHash: $0.scorecard.rubricHash, submittedAt: $0.scorecard.submittedAt) },
            rubricVersions: dossier.rubricVersions, dataVersion: dossier.dataVersion)
    }
}

/// Which rubric version a scorecard was made under, and when it was submitted.
public struct ScorecardProvenance: Hashable, Sendable {
    public let rubricHash: String
    public let submittedAt: Date?

    public init(rubricHash: String, submittedAt: Date?) {
        self.rubricHash = rubricHash
        self.submittedAt = submittedAt
    }
}
