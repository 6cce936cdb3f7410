import DebriefCore
import Testing

@Suite("Agreement and calibration over scorecards")
struct CalibrationTests {
    static let rubric = ScoringTests.rubric

    /// Interviewer 1 rates every candidate one point above interviewer 2, over `count` candidates.
    static func lenientPair(count: Int) -> [ScoredCard] {
        (1...Int64(count)).flatMap { candidate -> [ScoredCard] in
            let base = Double(1 + candidate % 2)
            return [
                ScoringTests.card(1, ["apis": base + 1, "talk": base + 1], candidate: candidate, round: candidate),
                ScoringTests.card(2, ["apis": base, "talk": base], candidate: candidate, round: candidate, .strongNo),
            ]
        }
    }

    @Test("leniency is each interviewer's mean difference from colleagues on the same units")
    func leniency() {
        let cards = Self.lenientPair(count: 6)
        let calibration = Calibration.evaluate(cards: cards, matrix: ReliabilityMatrix(cards: cards))
        #expect(calibration.map(\.interviewerID) == [1, 2])
        #expect(calibration.map(\.leniency) == [1, -1])
        #expect(calibration.map(\.scorecards) == [6, 6])
        #expect(calibration[1].strongShare == 1 && calibration[0].strongShare == 0)
    }

    @Test("the calibrated score removes leniency only for interviewers with five or more scorecards")
    func calibratedScore() {
        let soloByLenient = ScoringTests.card(1, ["apis": 3, "talk": 3], candidate: 99, round: 99)
        let enough = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: Self.lenientPair(count: 6) + [soloByLenient])
        let solo = enough.candidates.first { $0.raw.candidateID == 99 }!
        #expect(solo.raw.score == 3)
        #expect(solo.calibratedScore == 2)  // interviewer 1 is one point lenient
        let shared = enough.candidates.first { $0.raw.candidateID == 1 }!  // rated 3 by the lenient, 2 by the harsh
        #expect(shared.raw.score == 2.5 && shared.calibratedScore == 2.5)
        let few = PositionScoring.evaluate(rubric: Self.rubric, candidateIDs: [], cards: Self.lenientPair(count: 3) + [soloByLenient])
        #expect(few.candidates.first { $0.raw.candidateID == 99 }!.calibratedScore == 3, "four scorecards are too few to correct")
    }

    @Test("alpha over scorecards equals alpha over the same reliability matrix")
    func alphaFromCards() throws {
        let cards = Self.lenientPair(count: 6)
        let figures = Agreement.evaluate(ReliabilityMatrix(cards: cards))
        let units = (1...6).flatMap { candidate -> [[Double]] in
            let base = Double(1 + candidate % 2)
            return [[base + 1, base], [base + 1, base]]
        }
        #expect(figures.krippendorffAlphaInterval == KrippendorffAlpha.alpha(units: units, metric: .interval))
        #expect(figures.units == 12 && figures.coders == 2)
    }

    @Test("figures that cannot be computed are nil with a reason")
    func undefined() {
        let figures = Agreement.evaluate(ReliabilityMatrix(cards: [ScoringTests.card(1, ["apis": 2])]))
        #expect(figures.krippendorffAlphaInterval == nil)
        #expect(figures.notes == ["Krippendorff's alpha is undefined: no candidate competency was rated by two or more interviewers"])
    }
}
