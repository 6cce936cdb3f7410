import Testing

@testable import DebriefCore

@Suite("The complete-block search")
struct CompleteBlockSearchTests {
    /// Cards from panels of up to twelve interviewers, so both the all-subsets and the
    /// panel-less-one counts are exercised.
    static func cards(seed: UInt64) -> [ScoredCard] {
        var random = ScoringPropertyTests.Random(state: seed)
        var cards: [ScoredCard] = []
        for candidate in 1...Int64(3 + random.next(6)) {
            for interviewer in 1...Int64(2 + random.next(11)) where random.next(5) > 0 {
                var values: [String: Double] = [:]
                for competency in ["apis", "talk", "ops"] where random.next(4) > 0 { values[competency] = Double(1 + random.next(3)) }
                cards.append(
                    ScoredCard(
                        candidateID: candidate, roundID: candidate, roundKind: .technical, interviewerID: interviewer * 7, values: values,
                        recommendation: .yes))
            }
        }
        return cards
    }

    @Test("counting subsets as bitmasks finds the same block as counting them as arrays", arguments: 1...60)
    func bitmasksAgree(seed: UInt64) {
        let matrix = ReliabilityMatrix(cards: Self.cards(seed: seed))
        let fast = matrix.largestCompleteBlock(bitmasks: true)
        let reference = matrix.largestCompleteBlock(bitmasks: false)
        #expect(fast?.coders == reference?.coders)
        #expect(fast?.units == reference?.units)
    }
}
