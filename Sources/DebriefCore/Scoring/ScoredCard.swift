/// A submitted scorecard as scoring sees it: at most one value per competency.
public struct ScoredCard: Hashable, Sendable {
    public let candidateID: Int64
    public let roundID: Int64
    public let roundKind: RoundKind
    public let interviewerID: Int64
    /// Competency id → value on the rubric's scale; competencies with no signal are absent.
    public let values: CompetencyValues
    public let recommendation: Recommendation

    public init(
        candidateID: Int64, roundID: Int64, roundKind: RoundKind, interviewerID: Int64, values: CompetencyValues,
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
        var names: [String] = [], fold = RatingFold()
        for rating in scorecard.ratings {
            let number = names.firstIndex(of: rating.competencyID) ?? names.count
            if number == names.count { names.append(rating.competencyID) }
            fold.add(competency: number, perQuestion: rating.questionID != nil, point: rating.value.point)
        }
        self.init(
            candidateID: candidateID, roundID: scorecard.roundID, roundKind: roundKind, interviewerID: scorecard.interviewerID,
            values: fold.values(names: names), recommendation: scorecard.recommendation ?? .noDecision)
    }
}

/// How one scorecard's ratings become one value per competency: a competency-level rating counts
/// as given; a competency rated only per question counts as the mean of those points. No signal is
/// left out, never zero. Fed a rating at a time, so a store can fold rows as it reads them.
///
/// Competencies go by number (an index into names the caller keeps, shared by every fold of a
/// read), so a store folds a million ratings without making a string of each one's competency.
public struct RatingFold: Sendable {
    /// Per competency rated, in the order first rated: a scorecard rates a handful, so a search of
    /// this short list beats hashing.
    private var competencies: [(number: Int, direct: Double?, sum: Double, count: Int)] = []

    public init() {}

    /// Adds one rating of competency `number`; `point` is nil for no signal.
    public mutating func add(competency number: Int, perQuestion isPerQuestion: Bool, point: Int?) {
        guard let point else { return }
        let index: Int
        if let known = competencies.firstIndex(where: { $0.number == number }) {
            index = known
        } else {
            index = competencies.count
            // Room for a scorecard's usual handful at once, not grown from one by doubling: the
            // growing was a tenth of reading a 240,000-scorecard position's facts.
            if competencies.isEmpty { competencies.reserveCapacity(4) }
            competencies.append((number, nil, 0, 0))
        }
        if isPerQuestion {
            competencies[index].sum += Double(point)
            competencies[index].count += 1
        } else {
            competencies[index].direct = Double(point)
        }
    }

    /// Competency id → value, for the competencies with a signal; `names[n]` is competency n's id.
    public func values(names: [String]) -> CompetencyValues {
        CompetencyValues(distinct: competencies.map { (names[$0.number], $0.direct ?? $0.sum / Double($0.count)) })
    }
}
