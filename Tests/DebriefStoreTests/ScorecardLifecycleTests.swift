import DebriefCore
import DebriefStore
import Foundation
import Testing

@Suite("Scorecard life cycle")
struct ScorecardLifecycleTests {
    let store = try! AppDatabase.inMemory()
    let admin = StoreFixtures.admin
    let rubric = StoreFixtures.rubric

    @Test("a draft is replaced until it is submitted")
    func draftReplaced() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        _ = try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer, ["apis": 1], state: .draft), rubric: rubric, by: admin)
        let submitted = try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer, ["apis": 4]), rubric: rubric, by: admin)
            .scorecard
        let all = try await store.scorecards(roundID: round.id!)
        #expect(all.count == 1)
        #expect(all[0].state == .submitted && all[0].version == 1 && all[0].ratings.map(\.value) == [.point(4)])
        #expect(submitted.id == all[0].id)
        #expect(try await store.auditEvents(entity: "scorecard").map(\.action) == ["submit", "draft"])
    }

    @Test("a submitted scorecard is locked; submitting again stores an amendment as a new version")
    func amendments() async throws {
        let (_, position, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        _ = try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer, ["apis": 2]), rubric: rubric, by: admin)
        await #expect(throws: StoreError.self) {
            try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer, ["apis": 4], state: .draft), rubric: rubric, by: admin)
        }
        await #expect(throws: StoreError.self) {
            try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer, ["apis": 3]), rubric: rubric, by: admin)
        }
        let amended = try await store.saveScorecard(
            StoreFixtures.scorecard(round, by: interviewer, ["apis": 3], reason: "rated the wrong answer"), rubric: rubric, by: admin
        ).scorecard
        #expect(amended.version == 2 && amended.amendReason == "rated the wrong answer")
        #expect(try await store.scorecards(roundID: round.id!).map(\.version) == [1, 2])
        let current = try await store.submittedScorecards(positionID: position.id!)
        #expect(current.map(\.scorecard.version) == [2])
        #expect(current.first?.roundKind == .technical)
        let amend = try #require(try await store.auditEvents(entity: "scorecard").first)
        #expect(amend.action == "amend")
        #expect(amend.before?.contains("\"version\":1") == true)
    }

    @Test("ratings the round does not cover, or off the scale, are refused and nothing is stored")
    func refusesBadRatings() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        for ratings: [String: Int?] in [["communication": 3], ["cooking": 3]] {
            await #expect(throws: StoreError.self) {
                try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer, ratings), rubric: rubric, by: admin)
            }
        }
        #expect(try await store.scorecards(roundID: round.id!).isEmpty)
        #expect(try await store.auditEvents(entity: "scorecard").isEmpty)
    }

    @Test("a scorecard under another rubric than the position's is refused")
    func otherRubric() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let other = try RubricDecoder.decode(
            yaml: StoreFixtures.rubricYAML.replacingOccurrences(of: "id: backend-engineer", with: "id: data-engineer"), file: "data-engineer.yaml")
        let card = try Scorecard(
            roundID: round.id!, interviewerID: interviewer.id!, rubricID: other.id, rubricHash: other.contentHash, scale: other.ratingScale,
            ratings: [])
        await #expect(throws: StoreError.self) { try await store.saveScorecard(card, rubric: other, by: admin) }
    }

    @Test("the rubric text a scorecard was made under is kept by its hash, whatever happens to the file")
    func rubricVersionKept() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let stored = try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer), rubric: rubric, by: admin).scorecard
        let kept = try await store.rubricVersion(hash: stored.rubricHash)
        #expect(kept == StoreFixtures.rubricYAML)
        let reread = try RubricDecoder.decode(yaml: kept, file: "kept")
        #expect(reread == rubric)
    }
}
