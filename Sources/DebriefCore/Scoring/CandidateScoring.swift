/// Combines one candidate's scorecards into a score, mechanically: averages per competency,
/// the rubric's weights across competencies, its thresholds for the recommendation.
public enum CandidateScoring {
    /// Scores `cards` (all of one candidate) under `rubric`. `adjustment` is added to each
    /// interviewer's values before averaging (calibration); results stay on the scale.
    public static func score(
        candidateID: Int64, cards: [ScoredCard], rubric: Rubric, adjustment: (Int64) -> Double = { _ in 0 }
    ) -> CandidateScore {
        let entries = competencyEntries(cards: cards, rubric: rubric, adjustment: adjustment)
        var results: [String: CompetencyResult] = [:]
        for (index, group) in entries.enumerated() where !group.isEmpty {
            results[rubric.competencies[index].id] = CompetencyResult(
                mean: StableSum.mean(group.map(\.value)) ?? 0, n: group.count, spread: spread(group))
        }
        let weighted = weightedMean(results.mapValues(\.mean), rubric: rubric)
        let coverage = rubric.totalWeight > 0 ? weighted.weight / rubric.totalWeight : 0
        let score = weighted.mean
        return CandidateScore(
            candidateID: candidateID, competencies: results, score: score, coverage: coverage,
            recommendation: score.map(rubric.thresholds.recommendation(for:)),
            flags: flags(cards: cards, results: results, coverage: coverage, rules: rubric.flags),
            roundScores: roundScores(cards: cards, rubric: rubric, adjustment: adjustment),
            ratingCount: results.values.reduce(0) { $0 + $1.n }, scorecardCount: cards.count)
    }

    /// `score(…).score` alone, without the figures around it (spreads, flags, rounds): what the
    /// calibrated score of every candidate of a position needs.
    public static func overallScore(cards: [ScoredCard], rubric: Rubric, adjustment: (Int64) -> Double) -> Double? {
        var means: [String: Double] = [:]
        for (index, group) in competencyEntries(cards: cards, rubric: rubric, adjustment: adjustment).enumerated() where !group.isEmpty {
            means[rubric.competencies[index].id] = StableSum.mean(group.map(\.value)) ?? 0
        }
        return weightedMean(means, rubric: rubric).mean
    }

    /// Per rubric competency, in the rubric's order: each card's value, adjusted and kept on the
    /// scale, with its interviewer. A candidate has a handful of cards and competencies, so short
    /// arrays, not dictionaries: a position's report scores every candidate twice (raw and calibrated).
    private static func competencyEntries(
        cards: [ScoredCard], rubric: Rubric, adjustment: (Int64) -> Double
    ) -> [[(interviewer: Int64, value: Double)]] {
        let competencies = rubric.competencies, clamp = rubric.ratingScale.clamp
        var entries = [[(interviewer: Int64, value: Double)]](repeating: [], count: competencies.count)
        for card in cards {
            for (competency, value) in card.values {
                guard let index = competencies.firstIndex(where: { $0.id == competency }) else { continue }
                entries[index].append((card.interviewerID, clamp(value + adjustment(card.interviewerID))))
            }
        }
        return entries
    }

    /// The weighted mean of competency `means` under the rubric's weights, and the total weight behind it.
    private static func weightedMean(_ means: [String: Double], rubric: Rubric) -> (mean: Double?, weight: Double) {
        weightedMean(means, weights: { rubric.competency($0)?.weight ?? 0 })
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

    /// The gap between the highest and the lowest interviewer's mean of `entries`.
    private static func spread(_ entries: [(interviewer: Int64, value: Double)]) -> Double {
        var interviewers: [Int64] = []
        for entry in entries where !interviewers.contains(entry.interviewer) { interviewers.append(entry.interviewer) }
        let means = interviewers.compactMap { interviewer in StableSum.mean(entries.filter { $0.interviewer == interviewer }.map(\.value)) }
        return (means.max() ?? 0) - (means.min() ?? 0)
    }

    private static func roundScores(
        cards: [ScoredCard], rubric: Rubric, adjustment: (Int64) -> Double
    ) -> [Int64: Double?] {
        let clamp = rubric.ratingScale.clamp
        var scores: [Int64: Double?] = [:]
        var rounds: [Int64] = []
        for card in cards where !rounds.contains(card.roundID) { rounds.append(card.roundID) }
        for roundID in rounds {
            let roundCards = cards.filter { $0.roundID == roundID }
            // A held round always has an entry: nil when its ratings give no signal or its kind has no plan.
            guard let plan = rubric.plan(for: roundCards[0].roundKind) else {
                scores.updateValue(nil, forKey: roundID)
                continue
            }
            var means: [String: Double] = [:]
            for competency in plan.competencies {
                let values = roundCards.compactMap { card in card.values[competency].map { clamp($0 + adjustment(card.interviewerID)) } }
                if let mean = StableSum.mean(values) { means[competency] = mean }
            }
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
