/// A submitted scorecard as scoring sees it: at most one value per competency.
public struct ScoredCard: Hashable, Sendable {
    public let candidateID: Int64
    public let roundID: Int64
    public let roundKind: RoundKind
    public let interviewerID: Int64
    /// Competency id → value on the rubric's scale; competencies with no signal are absent.
    public let values: [String: Double]
    public let recommendation: Recommendation

    public init(
        candidateID: Int64, roundID: Int64, roundKind: RoundKind, interviewerID: Int64, values: [String: Double],
        recommendation: Recommendation
    ) {
        self.candidateID = candidateID
        self.roundID = roundID
        self.roundKind = roundKind
        self.interviewerID = interviewerID
        self.values = values
        self.recommendation = recommendation
    }

    /// Folds a scorecard's ratings: a competency-level rating counts as given; a competency rated
    /// only per question counts as the mean of those points. No signal is left out, never zero.
    public init(scorecard: Scorecard, candidateID: Int64, roundKind: RoundKind) {
        var direct: [String: Double] = [:]
        var perQuestion: [String: [Double]] = [:]
        for rating in scorecard.ratings {
            guard let point = rating.value.point else { continue }
            if rating.questionID == nil {
                direct[rating.competencyID] = Double(point)
            } else {
                perQuestion[rating.competencyID, default: []].append(Double(point))
            }
        }
        for (competency, points) in perQuestion where direct[competency] == nil {
            direct[competency] = points.reduce(0, +) / Double(points.count)
        }
        self.init(
            candidateID: candidateID, roundID: scorecard.roundID, roundKind: roundKind, interviewerID: scorecard.interviewerID,
            values: direct, recommendation: scorecard.recommendation ?? .noDecision)
    }
}
