/// One candidate's raw and calibrated results within a position.
public struct CandidateEvaluation: Hashable, Sendable {
    public let raw: CandidateScore
    /// The score with calibrated interviewers' leniency removed; shown beside the raw score, never instead.
    public let calibratedScore: Double?
    public let rank: Int?
    public let percentile: Double?
}

/// Everything scoring says about a position.
public struct PositionEvaluation: Hashable, Sendable {
    /// Best first.
    public let candidates: [CandidateEvaluation]
    public let agreement: AgreementFigures
    public let calibration: [InterviewerCalibration]
    /// How much the scores can be trusted and how many interviewers the position needs, or why
    /// there is too little data to say; nil when the study was not asked for.
    public let reliability: Result<PanelReliability, VarianceComponents.Refusal>?
}

/// Scores, ranks, agreement and calibration for a position, from its submitted scorecards.
public enum PositionScoring {
    /// `candidateIDs` are the position's candidates, including those with no scorecards yet.
    ///
    /// The reliability study, the raw scores, and the agreement matrix with what needs it
    /// (agreement, calibration and the calibrated scores) are independent of each other, so they
    /// are worked out at once, on as many cores as there are. Without `studyingReliability` the
    /// study, the costliest of the three, is left out (for outputs that do not show it).
    public static func evaluate(
        rubric: Rubric, candidateIDs: [Int64], cards: [ScoredCard], studyingReliability: Bool = true
    ) -> PositionEvaluation {
        let cardsByCandidate = GroupedByID(cards, by: \.candidateID)
        let ids = Array(Set(candidateIDs).union(cardsByCandidate.ids))
        let (reliability, (agreement, calibration, calibrated), raw) = Simultaneously.run(
            { studyingReliability ? PanelStudy.of(cards: cards, rubric: rubric) : nil },
            { () -> (AgreementFigures, [InterviewerCalibration], [Int64: Double?]) in
                let matrix = ReliabilityMatrix(cards: cards)
                let agreement = Agreement.evaluate(matrix)
                let calibration = Calibration.evaluate(cards: cards, matrix: matrix)
                let corrections = Dictionary(
                    uniqueKeysWithValues: calibration.filter(\.isCalibrated).map { ($0.interviewerID, -($0.leniency ?? 0)) })
                let calibrated = Dictionary(
                    uniqueKeysWithValues: ids.map { id in
                        (id, CandidateScoring.overallScore(cards: cardsByCandidate[id], rubric: rubric) { corrections[$0] ?? 0 })
                    })
                return (agreement, calibration, calibrated)
            },
            { ids.map { CandidateScoring.score(candidateID: $0, cards: cardsByCandidate[$0], rubric: rubric) } }
        )
        let ranked = Ranking.rank(raw).map { entry in
            CandidateEvaluation(
                raw: entry.score, calibratedScore: calibrated[entry.score.candidateID] ?? nil, rank: entry.rank, percentile: entry.percentile)
        }
        return PositionEvaluation(candidates: ranked, agreement: agreement, calibration: calibration, reliability: reliability)
    }
}
