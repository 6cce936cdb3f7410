import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Every record reads back as it was written")
struct RoundTripTests {
    let store = try! AppDatabase.inMemory()
    let admin = StoreFixtures.admin

    @Test("users")
    func users() async throws {
        let stored = try await store.addUser(StoreFixtures.user(role: .recruiter), by: admin)
        #expect(stored.id != nil)
        #expect(try await store.users() == [stored])
        #expect(try await store.user(email: EmailAddress("GRACE@debrief.example")) == stored)
    }

    @Test("positions")
    func positions() async throws {
        let stored = try await store.addPosition(StoreFixtures.position(), by: admin)
        #expect(try await store.positions() == [stored])
        #expect(try await store.position(id: stored.id!) == stored)
    }

    @Test("candidates, by id and by email, filtered by stage")
    func candidates() async throws {
        let stored = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
        #expect(try await store.candidate(.id(stored.id!)) == stored)
        #expect(try await store.candidate(.email(EmailAddress("ADA@example.com"))) == stored)
        #expect(try await store.candidates(stage: .applied) == [stored])
        #expect(try await store.candidates(stage: .hired).isEmpty)
    }

    @Test("rounds with their interviewers")
    func rounds() async throws {
        let (candidate, position, _, round) = try await StoreFixtures.scheduledRound(in: store)
        let panelist = try await store.addUser(StoreFixtures.user("Alan Turing", email: "alan@debrief.example"), by: admin)
        let panel = try await store.scheduleRound(
            Round(
                candidateID: candidate.id!, positionID: position.id!, kind: .hr,
                scheduledAt: round.scheduledAt.addingTimeInterval(86_400), interviewerIDs: [panelist.id!, round.interviewerIDs[0]]),
            rubric: StoreFixtures.rubric, by: admin)
        #expect(
            try await store.rounds(candidateID: candidate.id!)
                == [round, panel].map { round in
                    var sorted = round
                    sorted.interviewerIDs.sort()
                    return sorted
                })
        #expect(try await store.round(id: panel.id!).interviewerIDs.sorted() == panel.interviewerIDs.sorted())
        #expect(try await store.rounds(positionID: position.id! + 1).isEmpty)
    }

    @Test("question sets with their questions in order")
    func questionSets() async throws {
        let set = try QuestionSet(
            title: "Backend interview questions", source: "seed.html", contentHash: "sha256:abc",
            importedAt: Date(timeIntervalSince1970: 1_800_000_000),
            questions: [
                Question(
                    ordinal: 2, text: "What is an index?", answerHTML: "<p>A lookup structure.</p>", section: "Basics", level: "entry",
                    kind: .technical, tags: ["databases"], competencies: ["databases", "apis"]),
                Question(ordinal: 1, text: "Tell me about a conflict.", section: "HR", kind: .behavioural),
            ])
        let stored = try await store.addQuestionSet(set, by: admin)
        let read = try await store.questionSets()
        #expect(read.count == 1)
        #expect(read[0].questions.map(\.ordinal) == [1, 2])
        #expect(read[0].questions.first { $0.ordinal == 2 }?.tags == ["databases"])
        #expect(read[0].questions.first { $0.ordinal == 2 }?.competencies == ["databases", "apis"])
        #expect(stored.questions.allSatisfy { $0.id != nil && $0.setID == stored.id })
        #expect(Set(read[0].questions) == Set(stored.questions))
    }

    @Test("scorecards with ratings, no signal kept apart from points")
    func scorecards() async throws {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let scorecard = try StoreFixtures.scorecard(round, by: interviewer, notes: "Solid.")
        let stored = try await store.saveScorecard(scorecard, rubric: StoreFixtures.rubric, by: admin).scorecard
        #expect(try await store.scorecards(roundID: round.id!) == [stored])
        #expect(stored.ratings.map(\.value) == [.point(3), .noSignal])
        #expect(stored.notes == "Solid.")
    }
}

@Suite("Rows written with a statement of their own cover their whole table")
struct HandWrittenInsertTests {
    static func columns(of table: String) throws -> Set<String> {
        let store = try AppDatabase.inMemory()
        return try store.writer.read { db in Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }) }
    }

    @Test("a scorecard's and an audit event's insert name every column but the id, once")
    func everyColumn() throws {
        for (table, inserted) in [("scorecard", ScorecardRecord.insertedColumns), ("audit_event", AuditLog.insertedColumns)] {
            #expect(Set(inserted).count == inserted.count, "\(table) names a column twice")
            #expect(Set(inserted) == (try Self.columns(of: table)).subtracting(["id"]), "\(table)'s insert misses or invents a column")
        }
    }

    @Test("a scorecard with every optional field set, and its audit event, read back as written")
    func fullScorecard() async throws {
        let store = try AppDatabase.inMemory()
        let admin = StoreFixtures.admin
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let recruiter = try await store.addUser(StoreFixtures.user("Rita", email: "rita@debrief.example", role: .recruiter), by: admin)
        var card = try StoreFixtures.scorecard(round, by: interviewer, notes: "notes")
        card.submittedAt = Date(timeIntervalSince1970: 1_800_000_123.456)
        card.enteredByID = recruiter.id!
        let rubric = StoreFixtures.rubric
        let saved = try await store.saveScorecard(card, rubric: rubric, by: admin).scorecard
        #expect(try await store.scorecards(roundID: round.id!) == [saved])
        let submitted = try #require(try await store.scorecards(roundID: round.id!).first?.submittedAt)
        #expect(abs(submitted.timeIntervalSince1970 - 1_800_000_123.456) < 0.001, "the time as GRDB writes a date, to the millisecond")
        let event = try #require(try await store.auditLog(AuditFilter(entity: "scorecard", limit: 1)).events.first)
        #expect(event.entityID == saved.id && event.action == "submit" && event.actor == admin.label)
        #expect(abs(event.at.timeIntervalSinceNow) < 3_600, "the event's time reads back as a date near now")
    }
}
