import DebriefCore
import Foundation
import Testing

@testable import DebriefStore

/// What question health reads: each round's interviewers' current submitted ratings, per candidacy.
@Suite("The facts of the question-health report")
struct QuestionHealthFactsTests {
    let admin = StoreFixtures.admin
    let rubric = StoreFixtures.rubric

    private struct Bank {
        let store: AppDatabase
        let questions: [Int64]
        let otherSet: Int64
        let otherQuestion: Int64
        let position: Position
        let secondPosition: Position
        let candidate: Candidate
        let interviewers: [User]
    }

    private func bank() async throws -> Bank {
        let store = try AppDatabase.inMemory()
        func set(_ source: String, _ texts: [String]) async throws -> QuestionSet {
            let set = try QuestionSet(
                title: source, source: source, contentHash: "sha256:\(source)", importedAt: Date(timeIntervalSince1970: 1_800_000_000),
                questions: try texts.enumerated().map { try Question(ordinal: $0 + 1, text: $1) })
            guard case .stored(let stored) = try await store.importQuestionSet(set, by: admin) else { throw CancellationError() }
            return stored
        }
        let first = try await set("apis.html", ["Design a paginated API.", "What makes a request idempotent?"])
        let other = try await set("other.html", ["What is an index?"])
        let candidate = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
        let position = try await store.addPosition(StoreFixtures.position(), by: admin)
        let second = try await store.addPosition(try Position(title: "Platform Engineer", rubricID: rubric.id), by: admin)
        let interviewers = [
            try await store.addUser(StoreFixtures.user("Grace Hopper", email: "grace@debrief.example"), by: admin),
            try await store.addUser(StoreFixtures.user("Alan Turing", email: "alan@debrief.example"), by: admin),
        ]
        return Bank(
            store: store, questions: first.questions.compactMap(\.id), otherSet: other.id!, otherQuestion: other.questions[0].id!,
            position: position, secondPosition: second, candidate: candidate, interviewers: interviewers)
    }

    private func round(_ bank: Bank, position: Position, candidate: Candidate? = nil) async throws -> Round {
        try await bank.store.scheduleRound(
            Round(
                candidateID: (candidate ?? bank.candidate).id!, positionID: position.id!, kind: .technical,
                scheduledAt: Date(timeIntervalSince1970: 1_800_000_000), interviewerIDs: bank.interviewers.map { $0.id! }),
            rubric: rubric, by: admin)
    }

    private func card(
        _ round: Round, by interviewer: User, _ ratings: [(String, Int64?, Int?)], state: ScorecardState = .submitted, reason: String? = nil
    ) throws -> Scorecard {
        try Scorecard(
            roundID: round.id!, interviewerID: interviewer.id!, state: state, rubricID: rubric.id, rubricHash: rubric.contentHash,
            scale: rubric.ratingScale,
            ratings: try ratings.map { try Rating(competencyID: $0.0, questionID: $0.1, value: $0.2.map(RatingValue.point) ?? .noSignal) },
            recommendation: state == .submitted ? .yes : nil, submittedAt: state == .submitted ? Date() : nil, amendReason: reason)
    }

    @Test("only each interviewer's latest submitted version counts, and a draft not at all")
    func currentSubmittedOnly() async throws {
        let bank = try await bank()
        let round = try await round(bank, position: bank.position)
        let (grace, alan) = (bank.interviewers[0], bank.interviewers[1])
        _ = try await bank.store.saveScorecard(card(round, by: grace, [("apis", nil, 3), ("apis", bank.questions[0], 2)]), rubric: rubric, by: admin)
        _ = try await bank.store.saveScorecard(
            card(round, by: grace, [("apis", nil, 3), ("apis", bank.questions[0], 4)], reason: "misread my notes"), rubric: rubric, by: admin)
        _ = try await bank.store.saveScorecard(card(round, by: alan, [("apis", bank.questions[1], 1)], state: .draft), rubric: rubric, by: admin)
        let facts = try await bank.store.questionHealthFacts(positionID: bank.position.id!)
        #expect(facts.position?.id == bank.position.id)
        let ratings = try #require(facts.groups.first).ratings
        #expect(facts.groups.count == 1 && facts.groups[0].scale == rubric.ratingScale)
        #expect(ratings.filter { $0.question != nil }.map(\.value) == [.point(4)], "the amendment's rating, not the first version's or the draft's")
        #expect(ratings.count == 2, "the competency's own rating comes along as the rest of it")
        #expect(Set(facts.questions.keys) == [bank.questions[0]])
        #expect(facts.questions[bank.questions[0]]?.text == "Design a paginated API.")
    }

    @Test("a candidate in two positions is two candidacies; a candidacy with no question rated is left out")
    func candidacies() async throws {
        let bank = try await bank()
        let grace = bank.interviewers[0]
        let first = try await round(bank, position: bank.position)
        let second = try await round(bank, position: bank.secondPosition)
        let someoneElse = try await bank.store.addCandidate(StoreFixtures.candidate("Edsger Dijkstra", email: "edsger@example.com"), by: admin)
        let unasked = try await round(bank, position: bank.position, candidate: someoneElse)
        _ = try await bank.store.saveScorecard(card(first, by: grace, [("apis", bank.questions[0], 3), ("apis", nil, 3)]), rubric: rubric, by: admin)
        _ = try await bank.store.saveScorecard(
            card(second, by: grace, [("apis", bank.questions[0], 2), ("databases", nil, 1)]), rubric: rubric, by: admin)
        _ = try await bank.store.saveScorecard(card(unasked, by: grace, [("apis", nil, 4)]), rubric: rubric, by: admin)
        let everywhere = try await bank.store.questionHealthFacts(positionID: nil)
        #expect(everywhere.position == nil)
        let ratings = everywhere.groups.flatMap(\.ratings)
        #expect(ratings.count == 4, "the unasked candidate's rating is not read")
        let candidacyOf = Dictionary(grouping: ratings, by: \.candidate)
        #expect(candidacyOf.count == 2 && Set(candidacyOf.keys) == [0, 1], "numbered densely, in position order")
        #expect(candidacyOf[0]?.map(\.value).contains(.point(3)) == true && candidacyOf[1]?.contains { $0.competency == "databases" } == true)
        let onlySecond = try await bank.store.questionHealthFacts(positionID: bank.secondPosition.id!)
        #expect(onlySecond.groups.flatMap(\.ratings).count == 2)
        // Looked up candidacy by candidacy or read in one pass, the same ratings in the same order.
        for position in [nil, bank.position.id!] {
            let looked = try await bank.store.questionHealthFacts(positionID: position).groups.flatMap(\.ratings)
            let scanned = try await bank.store.questionHealthFacts(positionID: position, lookupsUpTo: 0).groups.flatMap(\.ratings)
            #expect(looked == scanned && !looked.isEmpty)
        }
    }

    @Test("limited to a set: only its questions are labelled, and only candidacies asked one of them are read")
    func limitedToASet() async throws {
        let bank = try await bank()
        let grace = bank.interviewers[0]
        let round = try await round(bank, position: bank.position)
        let someoneElse = try await bank.store.addCandidate(StoreFixtures.candidate("Edsger Dijkstra", email: "edsger@example.com"), by: admin)
        let other = try await self.round(bank, position: bank.position, candidate: someoneElse)
        _ = try await bank.store.saveScorecard(
            card(round, by: grace, [("apis", bank.questions[1], 3), ("databases", bank.otherQuestion, 2)]), rubric: rubric, by: admin)
        _ = try await bank.store.saveScorecard(card(other, by: grace, [("databases", bank.otherQuestion, 4)]), rubric: rubric, by: admin)
        let facts = try await bank.store.questionHealthFacts(positionID: nil, setID: bank.otherSet)
        #expect(Set(facts.questions.keys) == [bank.otherQuestion])
        #expect(facts.groups.flatMap(\.ratings).count == 3)
        let firstSet = try await bank.store.questionHealthFacts(positionID: nil, setID: 1)
        #expect(Set(firstSet.questions.keys) == [bank.questions[1]] && firstSet.groups.flatMap(\.ratings).count == 2)
    }

    @Test("an unknown position is not found")
    func unknownPosition() async throws {
        let bank = try await bank()
        await #expect(throws: StoreError.notFound(entity: "position", key: "#99")) {
            _ = try await bank.store.questionHealthFacts(positionID: 99)
        }
    }
}
