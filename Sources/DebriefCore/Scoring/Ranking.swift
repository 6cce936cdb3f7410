/// A candidate's place among a position's candidates.
public struct RankedScore: Hashable, Sendable {
    public let score: CandidateScore
    /// 1 is best; candidates tied on score, coverage and ratings share a rank. Nil without a score.
    public let rank: Int?
    /// The share of the other scored candidates ranked below, 0 to 100; nil without a score, and
    /// nil for the only scored candidate, who has no one to be compared with.
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
        ranked.reserveCapacity(ordered.count)
        var index = 0
        while index < ordered.count {
            guard ordered[index].score != nil else {
                ranked.append(RankedScore(score: ordered[index], rank: nil, percentile: nil))
                index += 1
                continue
            }
            var end = index + 1  // the tie group is ordered[index..<end]
            while end < ordered.count, ordered[end].score != nil, tied(ordered[index], ordered[end]) { end += 1 }
            let below = scoredCount - end
            let percentile = scoredCount > 1 ? Double(below) / Double(scoredCount - 1) * 100 : nil
            for member in ordered[index..<end] { ranked.append(RankedScore(score: member, rank: index + 1, percentile: percentile)) }
            index = end
        }
        return ranked
    }

    private static func tied(_ a: CandidateScore, _ b: CandidateScore) -> Bool {
        a.score == b.score && a.coverage == b.coverage && a.ratingCount == b.ratingCount
    }
}
