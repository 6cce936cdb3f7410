/// Everything stored about a position that its report needs, as plain values.
public struct PositionDossier: Sendable {
    public let position: Position
    /// Candidates with at least one round for the position.
    public let candidates: [Candidate]
    /// Every user who sat on one of its rounds.
    public let interviewers: [User]
    public let rounds: [Round]
    /// Current submitted scorecards, each with its candidate and round kind.
    public let scorecards: [DossierScorecard]
    /// Rubric text by content hash, for every version the scorecards were made under.
    public let rubricVersions: [String: String]
    /// The questions that scorecards rated, by id.
    public let questions: [Int64: Question]
    /// The version of the data read, from the same snapshot; nil when not read from a store.
    public let dataVersion: ReportDataVersion?

    public init(
        position: Position, candidates: [Candidate], interviewers: [User], rounds: [Round], scorecards: [DossierScorecard],
        rubricVersions: [String: String], questions: [Int64: Question] = [:], dataVersion: ReportDataVersion? = nil
    ) {
        self.dataVersion = dataVersion
        self.questions = questions
        self.position = position
        self.candidates = candidates
        self.interviewers = interviewers
        self.rounds = rounds
        self.scorecards = scorecards
        self.rubricVersions = rubricVersions
    }
}

/// A submitted scorecard with the round facts scoring needs.
public struct DossierScorecard: Hashable, Sendable {
    public let scorecard: Scorecard
    public let candidateID: Int64
    public let roundKind: RoundKind

    public init(scorecard: Scorecard, candidateID: Int64, roundKind: RoundKind) {
        self.scorecard = scorecard
        self.candidateID = candidateID
        self.roundKind = roundKind
    }
}
