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

    /// Folds a scorecard's ratings (see `RatingFold`).
    public init(scorecard: Scorecard, candidateID: Int64, roundKind: RoundKind) {
        var fold = RatingFold()
        for rating in scorecard.ratings { fold.add(competencyID: rating.competencyID, perQuestion: rating.questionID != nil, point: rating.value.point) }
        self.init(
            candidateID: candidateID, roundID: scorecard.roundID, roundKind: roundKind, interviewerID: scorecard.interviewerID,
            values: fold.values, recommendation: scorecard.recommendation ?? .noDecision)
    }
}

/// How one scorecard's ratings become one value per competency: a competency-level rating counts
/// as given; a competency rated only per question counts as the mean of those points. No signal is
/// left out, never zero. Fed a rating at a time, so a store can fold rows as it reads them.
public struct RatingFold: Sendable {
    /// Per competency rated, in the order first rated: a scorecard rates a handful, so a search of
    /// this short list beats hashing each rating's competency id into dictionaries.
    private var competencies: [(id: String, direct: Double?, sum: Double, count: Int)] = []

    public init() {}

    /// Adds one rating; `point` is nil for no signal.
    public mutating func add(competencyID: String, perQuestion isPerQuestion: Bool, point: Int?) {
        guard let point else { return }
        let index: Int
        if let known = competencies.firstIndex(where: { $0.id == competencyID }) {
            index = known
        } else {
            index = competencies.count
            competencies.append((competencyID, nil, 0, 0))
        }
        if isPerQuestion {
            competencies[index].sum += Double(point)
            competencies[index].count += 1
        } else {
            competencies[index].direct = Double(point)
        }
    }

    /// Competency id → value, for the competencies with a signal.
    public var values: [String: Double] {
        var values = [String: Double](minimumCapacity: competencies.count)
        for competency in competencies { values[competency.id] = competency.direct ?? competency.sum / Double(competency.count) }
        return values
    }
}
