import DebriefCore
import GRDB

extension AppDatabase {
    /// Stores a scorecard with its ratings. The interviewer must sit on the round.
    public func addScorecard(_ scorecard: Scorecard, by principal: Principal) async throws(StoreError) -> Scorecard {
        try await write { db in
            let sits =
                try RoundInterviewerRecord
                .filter(Column("round_id") == scorecard.roundID && Column("user_id") == scorecard.interviewerID)
                .fetchCount(db)
            guard sits > 0 else {
                throw StoreError.invalid(
                    FieldError(field: "interviewer", "user #\(scorecard.interviewerID) is not an interviewer of round #\(scorecard.roundID)"))
            }
            var record = ScorecardRecord(scorecard)
            try record.insert(db)
            guard let scorecardID = record.id else { throw StoreError.database("the scorecard was stored without an id") }
            for rating in scorecard.ratings {
                var ratingRecord = RatingRecord(rating, scorecardID: scorecardID)
                try ratingRecord.insert(db)
            }
            let stored = try record.domain(ratings: scorecard.ratings)
            try AuditLog.record(db, by: principal, action: "create", entity: "scorecard", entityID: scorecardID, after: stored)
            return stored
        }
    }

    /// The scorecards of a round, every version, with their ratings.
    public func scorecards(roundID: Int64) async throws(StoreError) -> [Scorecard] {
        try await read { db in
            let records = try ScorecardRecord.filter(Column("round_id") == roundID)
                .order(Column("interviewer_id"), Column("version")).fetchAll(db)
            let ids = records.compactMap(\.id)
            let ratings = try RatingRecord.filter(ids.contains(Column("scorecard_id"))).order(Column("id")).fetchAll(db)
            let byScorecard = Dictionary(grouping: ratings, by: \.scorecardId)
            return try records.map { record in
                try record.domain(ratings: (byScorecard[record.id ?? -1] ?? []).map { try $0.domain() })
            }
        }
    }
}
