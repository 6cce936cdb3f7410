import DebriefCore
import Foundation
import Testing

@Suite("Who may read a round's scorecards")
struct ScorecardVisibilityTests {
    let scale = try! RatingScale(minimum: 1, maximum: 4)

    func card(_ interviewer: Int64, _ state: ScorecardState) throws -> Scorecard {
        try Scorecard(
            roundID: 1, interviewerID: interviewer, state: state, rubricID: "r", rubricHash: "h", scale: scale, ratings: [],
            recommendation: state == .submitted ? .yes : nil, submittedAt: state == .submitted ? Date() : nil)
    }

    func viewer(_ id: Int64, _ role: Role = .interviewer) -> Principal {
        Principal(label: "user\(id)@example.com", userID: id, role: role)
    }

    @Test("an interviewer who has not submitted sees only their own scorecard")
    func blindUntilSubmitted() throws {
        let cards = [try card(1, .draft), try card(2, .submitted), try card(3, .submitted)]
        #expect(ScorecardRules.visible(cards, to: viewer(1)).map(\.interviewerID) == [1])
        #expect(ScorecardRules.visible(cards, to: viewer(4)).isEmpty)
    }

    @Test("after submitting, an interviewer sees colleagues' submitted scorecards, never their drafts")
    func openAfterSubmitting() throws {
        let cards = [try card(1, .submitted), try card(2, .submitted), try card(3, .draft)]
        #expect(ScorecardRules.visible(cards, to: viewer(1)).map(\.interviewerID) == [1, 2])
    }

    @Test("recruiters and admins see every submitted scorecard but nobody's draft")
    func recruiters() throws {
        let cards = [try card(1, .submitted), try card(2, .draft)]
        #expect(ScorecardRules.visible(cards, to: viewer(9, .recruiter)).map(\.interviewerID) == [1])
        #expect(ScorecardRules.visible(cards, to: .localOperator(named: "ops")).map(\.interviewerID) == [1])
    }
}
