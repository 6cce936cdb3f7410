/// Combines one candidate's scorecards into a score, mechanically: averages per competency,
/// the rubric's weights across competencies, its thresholds for the recommendation.
public enum CandidateScoring {
    /// Scores `cards` (all of one candidate) under `rubric`. `adjustment` is added to each
    /// interviewer's values before averaging (calibration); results stay on the scale.
    public static func score(
        candidateID: Int64, cards: [ScoredCard], rubric: Rubric, adjustment: (Int64) -> Double = { _ in 0 }
    ) -> CandidateScore {
        let scale = rubric.ratingScale
        let clamp = { (value: Double) in min(Double(scale.maximum), max(Double(scale.minimum), value)) }
        var perCompetency: [String: [(interviewer: Int64, value: Double)]] = [:]
        for card in cards {
            for (competency, value) in card.values where rubric.competency(competency) != nil {
                perCompetency[competency, default: []].append((card.interviewerID, clamp(value + adjustment(card.interviewerID))))
            }
        }
        var results: [String: CompetencyResult] = [:]
        for (competency, entries) in perCompetency {
            let values = entries.map(\.value)
            let byInterviewer = Dictionary(grouping: entries, by: \.interviewer).values.compactMap { group in
                StableSum.mean(group.map(\.value))
            }
            results[competency] = CompetencyResult(
                mean: StableSum.mean(values) ?? 0, n: values.count,
                spread: (byInterviewer.max() ?? 0) - (byInterviewer.min() ?? 0))
        }
        let weighted = weightedMean(results.mapValues(\.mean), weights: { rubric.competency($0)?.weight ?? 0 })
        let coverage = rubric.totalWeight > 0 ? weighted.weight / rubric.totalWeight : 0
        let score = weighted.mean
        return CandidateScore(
            candidateID: candidateID, competencies: results, score: score, coverage: coverage,
            recommendation: score.map(rubric.thresholds.recommendation(for:)),
            flags: flags(cards: cards, results: results, coverage: coverage, rules: rubric.flags),
            roundScores: roundScores(cards: cards, rubric: rubric, clamp: clamp, adjustment: adjustment),
            ratingCount: results.values.reduce(0) { $0 + $1.n }, scorecardCount: cards.count)
    }

    /// The weighted mean of `means` and the total weight behind it.
    static func weightedMean(_ means: [String: Double], weights: (String) -> Double) -> (mean: Double?, weight: Double) {
        var sum = 0.0, weight = 0.0
        for competency in means.keys.sorted() {  // a fixed order, so the same scorecards give the same digits every run
            let w = weights(competency)
            sum += w * means[competency]!
            weight += w
        }
        return (weight > 0 ? sum / weight : nil, weight)
    }

    private static func roundScores(
        cards: [ScoredCard], rubric: Rubric, clamp: (Double) -> Double, adjustment: (Int64) -> Double
    ) -> [Int64: Double?] {
        var scores: [Int64: Double?] = [:]
        for (roundID, roundCards) in Dictionary(grouping: cards, by: \.roundID) {
            // A held round always has an entry: nil when its ratings give no signal or its kind has no plan.
            guard let plan = rubric.plan(for: roundCards[0].roundKind) else {
                scores.updateValue(nil, forKey: roundID)
                continue
            }
            var values: [String: [Double]] = [:]
            for card in roundCards {
                for competency in plan.competencies {
                    if let value = card.values[competency] { values[competency, default: []].append(clamp(value + adjustment(card.interviewerID))) }
                }
            }
            let means = values.compactMapValues(StableSum.mean)
            scores.updateValue(weightedMean(means, weights: { plan.weights[$0] ?? rubric.competency($0)?.weight ?? 0 }).mean, forKey: roundID)
        }
        return scores
    }

    private static func flags(cards: [ScoredCard], results: [String: CompetencyResult], coverage: Double, rules: FlagRules) -> [ScoreFlag] {
        var flags: [ScoreFlag] = []
        let strongNos = cards.filter { $0.recommendation == .strongNo }.count
        if rules.anyStrongNo, strongNos > 0 { flags.append(.strongNo(count: strongNos)) }
        if let gap = rules.disagreement {
            for competency in results.keys.sorted() where results[competency]!.spread >= Double(gap) {
                flags.append(.disagreement(competency: competency, spread: results[competency]!.spread))
            }
        }
        if let floor = rules.coverageFloor, !cards.isEmpty, coverage < floor {
            flags.append(.lowCoverage(coverage: coverage, floor: floor))
        }
        return flags
    }
}
