import DebriefCore
import Foundation
import GRDB

/// A scorecard as stored, with its JSON as its audit event keeps it (Debrief's compact JSON): the
/// API's reply sends these bytes rather than encoding the scorecard a second time.
public struct StoredScorecard: Sendable {
    public let scorecard: Scorecard
    public let json: String
}

extension AppDatabase {
    /// Saves an interviewer's scorecard for a round under `rubric`, in one transaction with its audit event.
    ///
    /// A draft is replaced until it is submitted. A submitted scorecard is locked: submitting
    /// again stores an amendment as the next version; saving a draft over it is refused.
    /// The rubric's text is kept by content hash, so later edits of the file change no past score.
    public func saveScorecard(_ scorecard: Scorecard, rubric: Rubric, by principal: Principal) async throws(StoreError) -> StoredScorecard {
        try await write { db in try Self.saveScorecard(db, scorecard, rubric: rubric, by: principal) }
    }

    static func saveScorecard(_ db: Database, _ scorecard: Scorecard, rubric: Rubric, by principal: Principal) throws -> StoredScorecard {
        // The round, its position's rubric and whether the interviewer is on its panel, in one statement.
        let roundFacts = try db.cachedStatement(
            sql: """
                SELECT r.position_id, r.kind, p.rubric_id,
                    EXISTS (SELECT 1 FROM round_interviewer ri WHERE ri.round_id = r.id AND ri.user_id = ?) AS on_panel
                FROM round r JOIN position p ON p.id = r.position_id WHERE r.id = ?
                """)
        guard let round = try Row.fetchOne(roundFacts, arguments: [scorecard.interviewerID, scorecard.roundID]) else {
            throw StoreError.notFound(entity: "round", key: "#\(scorecard.roundID)")
        }
        try Self.requireScored(positionID: round["position_id"], with: round["rubric_id"], matching: rubric)
        try ScorecardRules.validate(scorecard, rubric: rubric, roundKind: RoundKind(parsing: round["kind"]))
        guard round["on_panel"] as Bool else {
            throw StoreError.invalid(
                FieldError(field: "interviewer", "user #\(scorecard.interviewerID) is not an interviewer of round #\(scorecard.roundID)"))
        }
        for questionID in Set(scorecard.ratings.compactMap(\.questionID)).sorted() where try QuestionRecord.fetchOne(db, id: questionID) == nil {
            throw StoreError.notFound(entity: "question", key: "#\(questionID) in the question bank")
        }
        try Self.keepRubricVersion(db, rubric)
        let latest = try ScorecardRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM scorecard WHERE round_id = ? AND interviewer_id = ? ORDER BY version DESC LIMIT 1"),
            arguments: [scorecard.roundID, scorecard.interviewerID])
        var record = ScorecardRecord(scorecard)
        let action: String
        switch (latest?.state, scorecard.state) {
        case (nil, _):
            record.version = 1
            record.amendReason = nil
            action = scorecard.state == .submitted ? "submit" : "draft"
        case ("draft", _):
            record.id = latest?.id
            record.version = latest!.version
            if record.version == 1 { record.amendReason = nil }
            try RatingRecord.filter(Column("scorecard_id") == latest?.id).deleteAll(db)
            action = scorecard.state == .submitted ? "submit" : "draft"
        case (_, .submitted):
            guard scorecard.amendReason != nil else {
                throw StoreError.invalid(
                    FieldError(
                        field: "reason",
                        "this interviewer's scorecard for round #\(scorecard.roundID) is submitted; amending it needs the reason for the change"))
            }
            record.version = latest!.version + 1
            action = "amend"
        case (_, .draft):
            throw StoreError.invalid(
                FieldError(
                    field: "state",
                    "this interviewer's scorecard for round #\(scorecard.roundID) is submitted and locked; submit an amendment instead"))
        }
        let before = try latest.map { try Self.scorecard(db, $0) }
        if record.id == nil { try record.insertRow(db) } else { try record.update(db) }
        try Self.insertRatings(db, scorecard.ratings, scorecardID: record.id)
        if let enteredBy = record.enteredById, try UserRecord.fetchOne(db, id: enteredBy) == nil {
            throw StoreError.notFound(entity: "user", key: "#\(enteredBy), who entered the scorecard")
        }
        let stored = try record.domain(ratings: scorecard.ratings)
        let json = try JSONText.compactString(stored)
        try AuditLog.record(db, by: principal, action: action, entity: "scorecard", entityID: record.id, before: before, encodedAfter: json)
        return StoredScorecard(scorecard: stored, json: json)
    }

    /// Every version of every scorecard of a round, with ratings. Callers filter with `ScorecardRules.visible`.
    public func scorecards(roundID: Int64) async throws(StoreError) -> [Scorecard] {
        try await read { db in
            _ = try Self.fetchRoundRecord(db, id: roundID)
            let records = try ScorecardRecord.filter(Column("round_id") == roundID).order(Column("interviewer_id"), Column("version")).fetchAll(db)
            return try Self.scorecards(db, records)
        }
    }

    /// The current (latest submitted) scorecard of every interviewer in every round of a position.
    public func submittedScorecards(positionID: Int64) async throws(StoreError) -> [DossierScorecard] {
        try await read { db in try Self.submittedScorecards(db, positionID: positionID) }
    }

    /// The text of a rubric version that scorecards were made under, by content hash.
    public func rubricVersion(hash: String) async throws(StoreError) -> String {
        try await read { db in
            guard let yaml = try String.fetchOne(db, sql: "SELECT yaml FROM rubric_version WHERE content_hash = ?", arguments: [hash]) else {
                throw StoreError.notFound(entity: "rubric version", key: hash)
            }
            return yaml
        }
    }

    /// The most ratings one `INSERT` stores: five values each, far below SQLite's bound on them.
    static let ratingsPerInsert = 64

    /// The `INSERT` of 0 to `ratingsPerInsert` ratings, by count: made once, not for every scorecard.
    private static let insertRatingsSQL = (0...ratingsPerInsert).map { count in
        "INSERT INTO rating (scorecard_id, competency_id, question_id, value, note) VALUES "
            + repeatElement("(?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
    }

    /// Inserts a scorecard's ratings a few dozen rows to a statement: one statement a row was a
    /// third of a submission's write (BENCHMARKS.md, session 24).
    static func insertRatings(_ db: Database, _ ratings: [Rating], scorecardID: Int64?, perStatement: Int = ratingsPerInsert) throws {
        let perStatement = min(perStatement, ratingsPerInsert)
        let scorecardID = scorecardID.databaseValue
        var start = ratings.startIndex
        while start < ratings.endIndex {
            let chunk = ratings[start..<min(start + perStatement, ratings.endIndex)]
            let insert = try db.cachedStatement(sql: insertRatingsSQL[chunk.count])
            var values: [DatabaseValue] = []
            values.reserveCapacity(chunk.count * 5)
            for rating in chunk {
                values.append(scorecardID)
                values.append(rating.competencyID.databaseValue)
                values.append(rating.questionID.databaseValue)
                values.append(rating.value.point.databaseValue)
                values.append(rating.note.databaseValue)
            }
            try insert.execute(arguments: StatementArguments(values))
            start = chunk.endIndex
        }
    }

    static func keepRubricVersion(_ db: Database, _ rubric: Rubric) throws {
        // Nearly always kept already: look before binding the whole text.
        let kept = try db.cachedStatement(sql: "SELECT 1 FROM rubric_version WHERE content_hash = ?")
        guard try Bool.fetchOne(kept, arguments: [rubric.contentHash]) == nil else { return }
        try db.execute(
            sql: "INSERT OR IGNORE INTO rubric_version (content_hash, rubric_id, version, yaml, first_used_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [rubric.contentHash, rubric.id, rubric.version, rubric.yaml, Date().storedPrecision])
    }

    private static func scorecard(_ db: Database, _ record: ScorecardRecord) throws -> Scorecard {
        try scorecards(db, [record])[0]
    }

    static func scorecards(_ db: Database, _ records: [ScorecardRecord]) throws -> [Scorecard] {
        let ids = records.compactMap(\.id)
        let ratings = try ChunkedLookup.fetch(ids) { try RatingRecord.filter($0.contains(Column("scorecard_id"))).order(Column("id")).fetchAll(db) }
        let byScorecard = Dictionary(grouping: ratings, by: \.scorecardId)
        return try records.map { record in try record.domain(ratings: (byScorecard[record.id ?? -1] ?? []).map { try $0.domain() }) }
    }
}

/// A rubric version that scorecards were made under.
public struct StoredRubricVersion: Sendable, Hashable, Codable {
    public let contentHash: String
    public let rubricId: String
    public let version: String
    public let firstUsedAt: Date
}

extension AppDatabase {
    /// Every stored rubric version, oldest first.
    public func rubricVersions() async throws(StoreError) -> [StoredRubricVersion] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT content_hash, rubric_id, version, first_used_at FROM rubric_version ORDER BY first_used_at, content_hash"
            )
            .map {
                StoredRubricVersion(
                    contentHash: $0["content_hash"], rubricId: $0["rubric_id"], version: $0["version"], firstUsedAt: $0["first_used_at"])
            }
        }
    }
}
