import DebriefCore
import Testing

/// Properties that must hold for any scorecards, checked over many seeded random pipelines.
@Suite("Scoring properties")
struct ScoringPropertyTests {
    static let rubric = ScoringTests.rubric

    /// A small deterministic generator, so a failure is reproducible from its seed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func randomCards(seed: UInt64) -> [ScoredCard] {
        var random = Random(state: seed)
        var cards: [ScoredCard] = []
        for candidate in 1...Int64(4 + random.next(4)) {
            for interviewer in 1...Int64(2 + random.next(3)) where random.next(4) > 0 {
                var values: [String: Double] = [:]
                for competency in ["apis", "talk"] where random.next(3) > 0 { values[competency] = Double(1 + random.next(3)) }
                cards.append(
                    ScoredCard(
                        candidateID: candidate, roundID: candidate * 10 + interviewer, roundKind: .technical, interviewerID: interviewer,
                        values: CompetencyValues(values), recommendation: Recommendation.allCases[random.next(5)]))
            }
        }
        return cards
    }

    @Test("the same scorecards give the same figures to the last digit, in whatever order they come", arguments: 1...40)
    func orderDoesNotChangeDigits(seed: UInt64) {
        let cards = Self.randomCards(seed: seed)
        var random = Random(state: seed &* 31)
        var shuffled = cards
        for index in shuffled.indices.reversed() { shuffled.swapAt(index, random.next(index + 1)) }
        let first = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: cards)
        let second = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: shuffled)
        let key = { (evaluation: PositionEvaluation) in
            evaluation.candidates.sorted { $0.raw.candidateID < $1.raw.candidateID }.map { [$0.raw.score, $0.calibratedScore, $0.percentile] }
        }
        #expect(key(first) == key(second))
        #expect(first.calibration.map(\.leniency) == second.calibration.map(\.leniency))
        #expect(first.calibration.map(\.mean) == second.calibration.map(\.mean))
    }

    @Test("the parts worked out at once are the parts worked out alone, on every run", arguments: 1...20)
    func concurrentPartsAgree(seed: UInt64) {
        let cards = Self.randomCards(seed: seed)
        let evaluation = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: cards)
        let matrix = ReliabilityMatrix(cards: cards)
        #expect(evaluation.agreement == Agreement.evaluate(matrix))
        #expect(evaluation.calibration == Calibration.evaluate(cards: cards, matrix: matrix))
        let raw = Dictionary(grouping: cards, by: \.candidateID).map { id, own in
            CandidateScoring.score(candidateID: id, cards: own, rubric: Self.rubric)
        }
        #expect(Set(evaluation.candidates.map(\.raw)) == Set(raw))
        for _ in 1...3 { #expect(PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: cards) == evaluation) }
        // Leaving the reliability study out changes nothing else.
        let unstudied = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: cards, studyingReliability: false)
        #expect(unstudied.reliability == nil && evaluation.reliability != nil)
        #expect(unstudied.candidates == evaluation.candidates && unstudied.agreement == evaluation.agreement)
        #expect(unstudied.calibration == evaluation.calibration)
    }

    @Test("the overall score alone is the full score's, to the last digit, with any adjustment", arguments: 1...40)
    func overallScoreAlone(seed: UInt64) {
        let cards = Self.randomCards(seed: seed)
        var random = Random(state: seed &* 17)
        let shifts = (0...5).map { _ in Double(random.next(9)) / 4 - 1 }
        let adjustment = { (interviewer: Int64) in shifts[Int(interviewer) % shifts.count] }
        for (id, own) in Dictionary(grouping: cards, by: \.candidateID) {
            let full = CandidateScoring.score(candidateID: id, cards: own, rubric: Self.rubric, adjustment: adjustment)
            #expect(CandidateScoring.overallScore(cards: own, rubric: Self.rubric, adjustment: adjustment) == full.score)
        }
        #expect(CandidateScoring.overallScore(cards: [], rubric: Self.rubric) { _ in 0 } == nil)
    }

    @Test("every score stays within the scale", arguments: 1...40)
    func withinBounds(seed: UInt64) {
        let cards = Self.randomCards(seed: seed)
        let evaluation = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: cards)
        for candidate in evaluation.candidates {
            for value in [candidate.raw.score, candidate.calibratedScore].compactMap({ $0 }) {
                #expect((1...3).contains(value))
            }
            #expect((0...1).contains(candidate.raw.coverage))
        }
    }

    @Test("adding a no-signal rating changes nothing", arguments: 1...20)
    func noSignalChangesNothing(seed: UInt64) throws {
        var random = Random(state: seed)
        let ratings = try ["apis", "talk"].map { try Rating(competencyID: $0, value: .point(1 + random.next(3))) }
        func card(_ ratings: [Rating]) throws -> ScoredCard {
            let scorecard = try Scorecard(
                roundID: 1, interviewerID: 1, state: .submitted, rubricID: "tiny", rubricHash: "h", scale: Self.rubric.ratingScale,
                ratings: ratings, recommendation: .yes, submittedAt: .now)
            return ScoredCard(scorecard: scorecard, candidateID: 1, roundKind: .technical)
        }
        let base = try card(ratings)
        let padded = try card(
            ratings + [Rating(competencyID: "ops", value: .noSignal), Rating(competencyID: "apis", questionID: 4, value: .noSignal)])
        #expect(base == padded)
        #expect(
            CandidateScoring.score(candidateID: 1, cards: [base], rubric: Self.rubric)
                == CandidateScoring.score(candidateID: 1, cards: [padded], rubric: Self.rubric))
    }

    @Test("relabelling interviewers changes no score and no agreement figure", arguments: 1...20)
    func permutingInterviewers(seed: UInt64) {
        let cards = Self.randomCards(seed: seed)
        let permutation: [Int64: Int64] = [1: 4, 2: 1, 3: 2, 4: 3]
        let relabelled = cards.reversed().map {
            ScoredCard(
                candidateID: $0.candidateID, roundID: $0.roundID, roundKind: $0.roundKind, interviewerID: permutation[$0.interviewerID]!,
                values: $0.values, recommendation: $0.recommendation)
        }
        let a = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: cards)
        let b = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: relabelled)
        #expect(a.candidates.map(\.raw.candidateID) == b.candidates.map(\.raw.candidateID))
        for (x, y) in zip(a.candidates, b.candidates) {
            #expect(close(x.raw.score, y.raw.score) && close(x.calibratedScore, y.calibratedScore))
        }
        #expect(close(a.agreement.krippendorffAlphaInterval, b.agreement.krippendorffAlphaInterval))
        #expect(close(a.agreement.krippendorffAlphaOrdinal, b.agreement.krippendorffAlphaOrdinal))
    }

    private func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) < 1e-9
        default: false
        }
    }
}
