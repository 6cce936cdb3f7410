import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Storing a scorecard's ratings")
struct RatingInsertTests {
    let store = try! AppDatabase.inMemory()

    /// Ratings on competencies of no rubric (the table takes any id), so a test can hold many.
    private func ratings(_ values: [Int?]) throws -> [Rating] {
        try values.enumerated().map { index, value in
            try Rating(competencyID: "c\(index)", value: value.map(RatingValue.point) ?? .noSignal, note: index.isMultiple(of: 2) ? "n\(index)" : nil)
        }
    }

    private func storedScorecardID() async throws -> Int64 {
        let (_, _, interviewer, round) = try await StoreFixtures.scheduledRound(in: store)
        let card = try await store.saveScorecard(
            StoreFixtures.scorecard(round, by: interviewer, [:]), rubric: StoreFixtures.rubric, by: StoreFixtures.admin)
        return try #require(card.scorecard.id)
    }

    @Test("ratings go in several rows a statement, every row in order, whatever the statements' size", arguments: [1, 2, 3, 64])
    func chunks(perStatement: Int) async throws {
        let id = try await storedScorecardID()
        let given = try ratings([1, nil, 4, 2, 3, 1, nil])
        try await store.writer.write { db in try AppDatabase.insertRatings(db, given, scorecardID: id, perStatement: perStatement) }
        let stored = try await store.writer.read { db in
            try RatingRecord.filter(Column("scorecard_id") == id).order(Column("id")).fetchAll(db).map { try $0.domain() }
        }
        #expect(stored == given)
    }

    @Test("a rating off the scale in a later statement takes the earlier ones with it")
    func allOrNothing() async throws {
        let id = try await storedScorecardID()
        let given = try ratings([1, 2, 3, 4, 9])
        await #expect(throws: (any Error).self) {
            try await store.writer.write { db in try AppDatabase.insertRatings(db, given, scorecardID: id, perStatement: 2) }
        }
        let count = try await store.writer.read { db in try RatingRecord.filter(Column("scorecard_id") == id).fetchCount(db) }
        #expect(count == 0)
    }
}
