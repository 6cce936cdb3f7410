import DebriefCore
import Foundation
import Testing

@Suite("Scorecard shape")
struct ScorecardShapeTests {
    let scale = try! RatingScale(minimum: 1, maximum: 4)

    func scorecard(_ ratings: [Rating], state: ScorecardState = .draft, recommendation: Recommendation? = nil) throws -> Scorecard {
        try Scorecard(
            roundID: 1, interviewerID: 2, state: state, rubricID: "backend-engineer", rubricHash: "abc", scale: scale,
            ratings: ratings, recommendation: recommendation, submittedAt: state == .submitted ? Date() : nil)
    }

    @Test("ratings must be on the scale; no signal is always allowed")
    func ratingsOnScale() throws {
        #expect(throws: FieldError.self) { try scorecard([Rating(competencyID: "apis", value: .point(5))]) }
        #expect(throws: FieldError.self) { try scorecard([Rating(competencyID: "apis", value: .point(0))]) }
        let card = try scorecard([Rating(competencyID: "apis", value: .point(4)), Rating(competencyID: "databases", value: .noSignal)])
        #expect(card.ratings.map(\.value.point) == [4, nil])
    }

    @Test("a competency is rated once per question")
    func noDuplicateRatings() throws {
        #expect(throws: FieldError.self) {
            try scorecard([Rating(competencyID: "apis", value: .point(2)), Rating(competencyID: "apis", value: .point(3))])
        }
        _ = try scorecard([
            Rating(competencyID: "apis", value: .point(2)), Rating(competencyID: "apis", questionID: 9, value: .point(3)),
        ])
    }

    @Test("a submitted scorecard carries a recommendation")
    func submittedNeedsRecommendation() throws {
        #expect(throws: FieldError.self) { try scorecard([], state: .submitted) }
        #expect(try scorecard([], state: .submitted, recommendation: .noDecision).state == .submitted)
    }

    @Test("scales must run upwards within 0 to 100")
    func scales() {
        #expect(throws: FieldError.self) { try RatingScale(minimum: 4, maximum: 1) }
        #expect(throws: FieldError.self) { try RatingScale(minimum: 1, maximum: 1) }
        #expect(throws: FieldError.self) { try RatingScale(minimum: -1, maximum: 5) }
    }

    @Test("no signal is encoded as null, never as a number")
    func noSignalJSON() throws {
        let data = try JSONEncoder().encode(Rating(competencyID: "apis", value: .noSignal))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["value"] is NSNull)
        let decoded = try JSONDecoder().decode(Rating.self, from: data)
        #expect(decoded.value == .noSignal)
    }

    @Test("recommendations parse as people write them")
    func recommendations() throws {
        #expect(try Recommendation(parsing: "Strong Yes") == .strongYes)
        #expect(try Recommendation(parsing: "no-decision") == .noDecision)
        #expect(throws: FieldError.self) { try Recommendation(parsing: "maybe") }
    }
}
