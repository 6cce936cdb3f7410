import Testing

@testable import DebriefCore

/// Question health on small tables worked out by hand (the figures below were computed with
/// Python's statistics module and the textbook formulas, independently of this code).
@Suite("Question health")
struct QuestionHealthTests {
    static let scale = try! RatingScale(minimum: 1, maximum: 4)

    static func rating(_ question: Int64?, _ candidate: Int64, _ interviewer: Int64, _ competency: String, _ point: Int?) -> QuestionRating {
        QuestionRating(
            question: question, candidate: candidate, interviewer: interviewer, competency: competency,
            value: point.map(RatingValue.point) ?? .noSignal)
    }

    /// Question 7 (databases): 12 candidates by interviewer 1, six of them by interviewer 2 too, and
    /// three "no signal"; question 8 and whole-competency ratings make up the rest of databases.
    static var table: [QuestionRating] {
        let first = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3, 1, 4], second = [2, 2, 3, 3, 4, 3]
        let question8 = [1, 2, 3, 3, 2, 4, 4, 3, 2, 3, 2, 4], whole = [3, 4, 2, 3, 1, 4]
        var ratings: [QuestionRating] = []
        for c in 0..<12 {
            let candidate = Int64(c + 1)
            ratings.append(rating(7, candidate, 1, "databases", first[c]))
            if c < 6 { ratings.append(rating(7, candidate, 2, "databases", second[c])) }
            if c < 3 { ratings.append(rating(7, candidate, 3, "databases", nil)) }
            ratings.append(rating(8, candidate, 1, "databases", question8[c]))
            if c >= 6 { ratings.append(rating(nil, candidate, 2, "databases", whole[c - 6])) }
        }
        return ratings
    }

    static func health(_ question: Int64, in ratings: [QuestionRating]) throws -> QuestionHealth {
        try #require(QuestionHealth.assess(ratings, scale: scale).first { $0.question == question })
    }

    static func near(_ value: Double?, _ expected: Double, within tolerance: Double = 1e-9) -> Bool {
        value.map { abs($0 - expected) <= tolerance } ?? false
    }

    @Test("times asked, no signal, scale use, mean with its t interval, spread")
    func descriptive() throws {
        let health = try Self.health(7, in: Self.table)
        #expect(health.asked == 21)
        #expect(health.rated == 18)
        #expect(Self.near(health.noSignalShare, 3.0 / 21))
        #expect(Self.near(health.floorShare, 2.0 / 18))
        #expect(Self.near(health.ceilingShare, 4.0 / 18))
        #expect(Self.near(health.mean, 2.722_222_222_222_222_3))
        #expect(Self.near(health.standardDeviation, 0.958_280_049_669_600_1))
        let interval = try #require(health.meanInterval)
        #expect(abs(interval.lowerBound - 2.245_680_764_714_872_4) < 1e-4 && abs(interval.upperBound - 3.198_763_679_729_572) < 1e-4)
        #expect(health.flags.isEmpty)
        #expect(health.notes.isEmpty)
    }

    @Test("the corrected item-total correlation and its Fisher interval, and agreement where two interviewers rated it")
    func correlationAndAgreement() throws {
        let health = try Self.health(7, in: Self.table)
        #expect(Self.near(health.itemTotalCorrelation, 0.799_068_661_908_444_8))
        let interval = try #require(health.itemTotalInterval)
        #expect(Self.near(interval.lowerBound, 0.415_887_613_602_989_3) && Self.near(interval.upperBound, 0.941_301_732_321_619_3))
        #expect(Self.near(health.agreement, 0.602_409_638_554_216_8))
    }

    @Test("Student's t at 0.975 matches the tables")
    func studentT() {
        for (degrees, table) in [(9.0, 2.262_157), (17, 2.109_816), (29, 2.045_230), (99, 1.984_217), (1_000, 1.962_339)] {
            #expect(abs(QuestionHealth.studentT975(degrees: degrees) - table) < 1e-4, "\(degrees) degrees")
        }
    }

    @Test("below the minimums a figure is nil and a note says why")
    func minimums() throws {
        let ratings = (1...4).map { Self.rating(9, Int64($0), 1, "fundamentals", $0) }
        let health = try Self.health(9, in: ratings)
        #expect(health.asked == 4)
        #expect(health.noSignalShare == nil && health.mean == nil && health.meanInterval == nil && health.floorShare == nil)
        #expect(health.itemTotalCorrelation == nil && health.agreement == nil)
        #expect(
            health.notes == [
                "asked 4 times; the share of no signal needs 10", "rated 4 times on the scale; its mean, spread and use of the scale need 10",
                "0 candidates were rated on it and on the rest of its competency; the item-total correlation needs 10",
                "0 candidates were rated on it by two interviewers or more; agreement needs 5",
            ])
        #expect(health.flags.isEmpty)
    }

    @Test("plain flags: rarely gives signal, nearly everyone gets the same rating, interviewers disagree")
    func flags() throws {
        var ratings: [QuestionRating] = []
        for candidate in Int64(1)...10 {
            ratings.append(Self.rating(10, candidate, 1, "apis-http", 3))
            ratings.append(Self.rating(11, candidate, 1, "apis-http", Int(candidate % 4) + 1))
            ratings.append(Self.rating(12, candidate, 1, "fundamentals", candidate <= 4 ? nil : Int(candidate % 3) + 1))
        }
        let opposed = [(1, 4), (4, 1), (2, 3), (3, 2), (1, 4)]
        for (index, pair) in opposed.enumerated() {
            ratings.append(Self.rating(13, Int64(index + 1), 1, "databases", pair.0))
            ratings.append(Self.rating(13, Int64(index + 1), 2, "databases", pair.1))
        }
        let same = try Self.health(10, in: ratings)
        #expect(same.flags == [.sameRatingForEveryone])
        #expect(same.itemTotalCorrelation == nil)
        #expect(same.notes.contains("its ratings, or the rest of its competency's, do not vary, so they cannot correlate"))
        let silent = try Self.health(12, in: ratings)
        #expect(Self.near(silent.noSignalShare, 0.4))
        #expect(silent.flags == [.rarelyGivesSignal])
        let disputed = try Self.health(13, in: ratings)
        #expect(try #require(disputed.agreement) < 0)
        #expect(disputed.flags == [.interviewersDisagree])
        #expect(
            QuestionHealth.Flag.allCases.map(\.rawValue) == [
                "rarely gives signal", "nearly everyone gets the same rating", "interviewers disagree on it",
            ])
    }

    @Test("relabelling interviewers changes nothing; a further no signal changes only how often it was asked")
    func properties() throws {
        let original = try Self.health(7, in: Self.table)
        let relabelled = try Self.health(
            7, in: Self.table.map { Self.rating($0.question, $0.candidate, $0.interviewer * 31 + 5, $0.competency, $0.value.point) })
        #expect(relabelled == original)
        let more = try Self.health(7, in: Self.table + [Self.rating(7, 4, 3, "databases", nil)])
        #expect(more.asked == original.asked + 1 && Self.near(more.noSignalShare, 4.0 / 22))
        #expect(more.rated == original.rated && more.mean == original.mean && more.standardDeviation == original.standardDeviation)
        #expect(more.itemTotalCorrelation == original.itemTotalCorrelation && more.agreement == original.agreement)
        #expect(more.floorShare == original.floorShare && more.ceilingShare == original.ceilingShare)
    }

    @Test("relabelling questions changes nothing but their ids")
    func questionRelabelling() throws {
        let relabel: [Int64: Int64] = [7: 900, 8: 3]
        let original = QuestionHealth.assess(Self.table, scale: Self.scale)
        let relabelled = QuestionHealth.assess(
            Self.table.map { Self.rating($0.question.map { relabel[$0]! }, $0.candidate, $0.interviewer, $0.competency, $0.value.point) },
            scale: Self.scale)
        #expect(relabelled.map(\.question) == [3, 900], "in id order")
        for health in original {
            let other = try #require(relabelled.first { $0.question == relabel[health.question] })
            #expect(other.asked == health.asked && other.rated == health.rated && other.mean == health.mean)
            #expect(other.itemTotalCorrelation == health.itemTotalCorrelation && other.agreement == health.agreement)
            #expect(other.flags == health.flags && other.notes == health.notes)
        }
    }
}
