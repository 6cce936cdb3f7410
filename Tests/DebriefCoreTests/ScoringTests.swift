import DebriefCore
import Testing

@Suite("Mechanical scoring")
struct ScoringTests {
    static let rubric = try! RubricDecoder.decode(yaml: RubricDecoderTests.valid, file: "tiny.yaml")

    static func card(
        _ interviewer: Int64, _ values: [String: Double], candidate: Int64 = 1, round: Int64 = 1, _ recommendation: Recommendation = .yes
    ) -> ScoredCard {
        ScoredCard(
            candidateID: candidate, roundID: round, roundKind: .technical, interviewerID: interviewer, values: CompetencyValues(values),
            recommendation: recommendation)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let cards: [ScoredCard]
        let score: Double?
        let coverage: Double
        let recommendation: Recommendation?
        let flags: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "weighted mean of competency means; no signal is left out", cards: [card(1, ["apis": 3, "talk": 2]), card(2, ["apis": 2])],
            score: (2 * 2.5 + 1 * 2) / 3, coverage: 1, recommendation: .yes, flags: []),
        Case(
            name: "only part of the weight has signal", cards: [card(1, ["talk": 2])], score: 2, coverage: 1.0 / 3, recommendation: .no,
            flags: ["low_coverage"]),
        Case(
            name: "interviewers two points apart", cards: [card(1, ["apis": 1]), card(2, ["apis": 3])], score: 2, coverage: 2.0 / 3,
            recommendation: .no, flags: ["disagreement:apis"]),
        Case(
            name: "a strong no is flagged whatever the score", cards: [card(1, ["apis": 3, "talk": 3], .strongNo)], score: 3, coverage: 1,
            recommendation: .strongYes, flags: ["strong_no"]),
        Case(name: "no scorecards, no score", cards: [], score: nil, coverage: 0, recommendation: nil, flags: []),
        Case(
            name: "ratings of competencies the rubric does not have are ignored", cards: [card(1, ["apis": 1, "cooking": 3])], score: 1,
            coverage: 2.0 / 3, recommendation: .strongNo, flags: []),
    ]

    @Test("table of hand-computed scores", arguments: cases)
    func table(_ example: Case) {
        let result = CandidateScoring.score(candidateID: 1, cards: example.cards, rubric: Self.rubric)
        if let expected = example.score {
            #expect(abs((result.score ?? .nan) - expected) < 1e-9, "score \(String(describing: result.score))")
        } else {
            #expect(result.score == nil)
        }
        #expect(abs(result.coverage - example.coverage) < 1e-9)
        #expect(result.recommendation == example.recommendation)
        #expect(result.flags.map(\.code) == example.flags)
        #expect(result.needsDebrief == !example.flags.isEmpty)
    }

    @Test("competency profile: mean, count and spread")
    func profile() {
        let result = CandidateScoring.score(
            candidateID: 1, cards: [Self.card(1, ["apis": 3]), Self.card(2, ["apis": 2]), Self.card(3, ["apis": 1])], rubric: Self.rubric)
        #expect(result.competencies["apis"] == CompetencyResult(mean: 2, n: 3, spread: 2))
        #expect(result.ratingCount == 3 && result.scorecardCount == 3)
    }

    @Test("round scores use the round's own weights")
    func roundScore() {
        let result = CandidateScoring.score(candidateID: 1, cards: [Self.card(1, ["apis": 3, "talk": 2], round: 9)], rubric: Self.rubric)
        let expected: Double = (3 * 3 + 1 * 2) / 4
        #expect(result.roundScores[9] == expected)
    }

    @Test("per-question ratings count as their mean when the competency has no rating of its own")
    func perQuestionFolding() throws {
        let scorecard = try Scorecard(
            roundID: 1, interviewerID: 1, state: .submitted, rubricID: "tiny", rubricHash: "h", scale: Self.rubric.ratingScale,
            ratings: [
                Rating(competencyID: "apis", questionID: 1, value: .point(3)), Rating(competencyID: "apis", questionID: 2, value: .point(2)),
                Rating(competencyID: "talk", value: .point(1)), Rating(competencyID: "talk", questionID: 3, value: .point(3)),
                Rating(competencyID: "ops", value: .noSignal),
            ],
            recommendation: .yes, submittedAt: .now)
        let card = ScoredCard(scorecard: scorecard, candidateID: 1, roundKind: .technical)
        #expect(card.values == ["apis": 2.5, "talk": 1])
    }

    @Test("ranking: by score, then coverage, then ratings; ties share a rank; unscored come last")
    func ranking() {
        func score(_ id: Int64, _ value: Double?, coverage: Double = 1, ratings: Int = 4) -> CandidateScore {
            CandidateScore(
                candidateID: id, competencies: [:], score: value, coverage: coverage, recommendation: nil, flags: [], roundScores: [:],
                ratingCount: ratings, scorecardCount: 1)
        }
        let ranked = Ranking.rank([
            score(1, 2.0), score(2, 2.5), score(3, 2.5), score(4, nil), score(5, 2.5, coverage: 0.5), score(6, 2.0, ratings: 9),
        ])
        #expect(ranked.map(\.score.candidateID) == [2, 3, 5, 6, 1, 4])
        #expect(ranked.map(\.rank) == [1, 1, 3, 4, 5, nil])
        #expect(ranked.map(\.percentile) == [75, 75, 50, 25, 0, nil])
    }
}
