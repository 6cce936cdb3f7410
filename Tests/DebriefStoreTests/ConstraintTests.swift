import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Broken rules surface as typed errors")
struct ConstraintTests {
    let store = try! AppDatabase.inMemory()
    let admin = StoreFixtures.admin

    @Test("a second candidate with the same email, in any case, is a duplicate")
    func duplicateCandidate() async throws {
        _ = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
        await #expect(throws: StoreError.duplicate(entity: "candidate", field: "email", value: "ada@example.com")) {
            try await store.addCandidate(StoreFixtures.candidate("Augusta Ada King", email: "Ada@Example.com"), by: admin)
        }
    }

    @Test("a second user with the same email is a duplicate")
    func duplicateUser() async throws {
        _ = try await store.addUser(StoreFixtures.user(), by: admin)
        await #expect(throws: StoreError.self) { try await store.addUser(StoreFixtures.user("G. Hopper"), by: admin) }
    }

    @Test("the schema's UNIQUE constraint itself maps to a duplicate, not a crash")
    func uniqueFromSchema() async throws {
        _ = try await store.addUser(StoreFixtures.user(), by: admin)
        await #expect(throws: StoreError.duplicate(entity: "user", field: "email", value: "")) {
            try await store.write { db in
                try db.execute(sql: "INSERT INTO user (name, email, role, created_at) VALUES ('X', 'GRACE@debrief.example', 'admin', '2026-01-01')")
            }
        }
    }

    @Test("a CHECK constraint maps to a constraint error")
    func checkFromSchema() async throws {
        let error = await #expect(throws: StoreError.self) {
            try await store.write { db in
                try db.execute(sql: "INSERT INTO candidate (name, email, stage, created_at) VALUES ('X', 'x@example.com', 'hired?', '2026-01-01')")
            }
        }
        guard case .constraint = error else { Issue.record("expected a constraint error, got \(String(describing: error))"); return }
    }

    @Test("a rating off the scorecard's scale is refused by the schema")
    func ratingOffScale() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let card = try await store.saveScorecard(
            StoreFixtures.scorecard(round, by: interviewer, [:], state: .draft), rubric: StoreFixtures.rubric, by: admin
        ).scorecard
        let error = await #expect(throws: StoreError.self) {
            try await store.write { db in
                try db.execute(sql: "INSERT INTO rating (scorecard_id, competency_id, value) VALUES (?, 'apis', 9)", arguments: [card.id!])
            }
        }
        #expect(error?.description.contains("off the scorecard's scale") == true)
    }

    @Test("unknown references are not found")
    func unknownReferences() async throws {
        await #expect(throws: StoreError.notFound(entity: "candidate", key: "#42")) { try await store.candidate(.id(42)) }
        await #expect(throws: StoreError.notFound(entity: "position", key: "#7")) { try await store.position(id: 7) }
        let candidate = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
        await #expect(throws: StoreError.notFound(entity: "position", key: "#7")) {
            try await store.scheduleRound(
                Round(candidateID: candidate.id!, positionID: 7, kind: .hr, scheduledAt: Date(), interviewerIDs: [1]), rubric: StoreFixtures.rubric,
                by: admin)
        }
    }

    @Test("a scorecard from someone not on the round's panel is refused")
    func scorecardFromOutsider() async throws {
        let (_, _, _, round) = try await StoreFixtures.scheduledRound(in: store)
        let outsider = try await store.addUser(StoreFixtures.user("Eve", email: "eve@debrief.example"), by: admin)
        await #expect(throws: StoreError.self) {
            try await store.saveScorecard(StoreFixtures.scorecard(round, by: outsider), rubric: StoreFixtures.rubric, by: admin)
        }
    }

    @Test("a closed candidate cannot get a new round")
    func closedCandidate() async throws {
        let (candidate, position, interviewer, _) = try await StoreFixtures.scheduledRound(in: store)
        _ = try await store.moveCandidate(.id(candidate.id!), to: .rejected, by: admin)
        await #expect(throws: StoreError.self) {
            try await store.scheduleRound(
                Round(candidateID: candidate.id!, positionID: position.id!, kind: .hr, scheduledAt: Date(), interviewerIDs: [interviewer.id!]),
                rubric: StoreFixtures.rubric, by: admin)
        }
    }

    @Test("a round or a scorecard under a rubric other than its position's is refused, naming both")
    func otherRubric() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let other = try RubricDecoder.decode(
            yaml: StoreFixtures.rubricYAML.replacingOccurrences(of: "id: backend-engineer", with: "id: frontend-engineer"),
            file: "frontend-engineer.yaml")
        let refusal = StoreError.invalid(
            FieldError(field: "rubric", "position #\(round.positionID) is scored with backend-engineer, not frontend-engineer"))
        var again = round
        again.id = nil
        await #expect(throws: refusal) { try await store.scheduleRound(again, rubric: other, by: admin) }
        await #expect(throws: refusal) {
            try await store.saveScorecard(StoreFixtures.scorecard(round, by: interviewer), rubric: other, by: admin)
        }
    }
}
