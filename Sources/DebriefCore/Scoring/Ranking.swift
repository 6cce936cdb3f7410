/// A candidate's place among a position's candidates.
public struct RankedScore: Hashable, Sendable {
    public let score: CandidateScore
    /// 1 is best; candidates tied on score, coverage and ratings share a rank. Nil without a score.
    public let rank: Int?
    /// The share of the other scored candidates ranked below, 0 to 100; nil without a score.
    public let percentile: Double?
}

/// Orders a position's candidates by overall score, then coverage, then number of ratings.
public enum Ranking {
    public static func rank(_ scores: [CandidateScore]) -> [RankedScore] {
        let ordered = scores.sorted { a, b in
            switch (a.score, b.score) {
            case (nil, nil): return a.candidateID < b.candidateID
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x != y { return x > y }
                if a.coverage != b.coverage { return a.coverage > b.coverage }
                if a.ratingCount != b.ratingCount { return a.ratingCount > b.ratingCount }
                return a.candidateID < b.candidateID
            }
        }
        let scoredCount = ordered.filter { $0.score != nil }.count
        var ranked: [RankedScore] = []
        for (index, score) in ordered.enumerated() {
            guard score.score != nil else {
                ranked.append(RankedScore(score: score, rank: nil, percentile: nil))
                continue
            }
            let rank: Int
            if let previous = ranked.last, let previousRank = previous.rank, tied(previous.score, score) {
                rank = previousRank
            } else {
                rank = index + 1
            }
            let below = ordered.filter { $0.score != nil && rankOrder($0, after: score) }.count
            let percentile = scoredCount > 1 ? Double(below) / Double(scoredCount - 1) * 100 : 100
            ranked.append(RankedScore(score: score, rank: rank, percentile: percentile))
        }
        return ranked
    }

    private static func tied(_ a: CandidateScore, _ b: CandidateScore) -> Bool {
        a.score == b.score && a.coverage == b.coverage && a.ratingCount == b.ratingCount
    }

    /// True when `other` ranks strictly below `score`.
    private static func rankOrder(_ other: CandidateScore, after score: CandidateScore) -> Bool {
        guard let x = score.score, let y = other.score else { return false }
        if x != y { return y < x }
        if score.coverage != other.coverage { return other.coverage < score.coverage }
        return other.ratingCount < score.ratingCount
    }
}
