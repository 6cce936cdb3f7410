import DebriefCore
import DebriefStore
import Foundation
import Testing

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
        let stored = try await store.saveScorecard(scorecard, rubric: StoreFixtures.rubric, by: admin)
        #expect(try await store.scorecards(roundID: round.id!) == [stored])
        #expect(stored.ratings.map(\.value) == [.point(3), .noSignal])
        #expect(stored.notes == "Solid.")
    }
}
