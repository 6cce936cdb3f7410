import DebriefCore
import Foundation
import GRDB

/// A row of `scorecard`; its ratings live in `rating`.
struct ScorecardRecord: StoredRecord {
    static let databaseTableName = "scorecard"
    var id: Int64?
    var roundId: Int64
    var interviewerId: Int64
    var state: String
    var version: Int
    var rubricId: String
    var rubricHash: String
    var scaleMin: Int
    var scaleMax: Int
    var recommendation: String?
    var notes: String
    var submittedAt: Date?
    var enteredById: Int64?
    var amendReason: String?

    /// Decoded by hand: GRDB's Codable path converts every column name from snake case on every row,
    /// which was most of the time of loading a large position.
    init(row: Row) throws {
        id = row["id"]
        roundId = row["round_id"]
        interviewerId = row["interviewer_id"]
        state = row["state"]
        version = row["version"]
        rubricId = row["rubric_id"]
        rubricHash = row["rubric_hash"]
        scaleMin = row["scale_min"]
        scaleMax = row["scale_max"]
        recommendation = row["recommendation"]
        notes = row["notes"]
        submittedAt = row["submitted_at"]
        enteredById = row["entered_by_id"]
        amendReason = row["amend_reason"]
    }

    /// Inserts the row with one cached statement and takes its new id. GRDB's `insert` encodes the
    /// record through Codable and snake-cases every column name on every insert: a third of a
    /// scorecard's write transaction (BENCHMARKS.md, session 18).
    mutating func insertRow(_ db: Database) throws {
        let insert = try db.cachedStatement(sql: Self.insertSQL)
        try insert.execute(arguments: [
            roundId, interviewerId, state, version, rubricId, rubricHash, scaleMin, scaleMax, recommendation, notes,
            submittedAt.map(StoredTimestamp.text(of:)), enteredById, amendReason,
        ])
        id = db.lastInsertedRowID
    }

    /// Every column but `id`, in the order `insertRow` binds them.
    static let insertedColumns = [
        "round_id", "interviewer_id", "state", "version", "rubric_id", "rubric_hash", "scale_min", "scale_max", "recommendation", "notes",
        "submitted_at", "entered_by_id", "amend_reason",
    ]
    private static let insertSQL = StatementText.insert(into: databaseTableName, columns: insertedColumns)

    /// The columns `init(ordered:)` reads, in its order, from a table aliased `s`.
    static let orderedColumns =
        "s.id, s.round_id, s.interviewer_id, s.state, s.version, s.rubric_id, s.rubric_hash, s.scale_min, s.scale_max, "
        + "s.recommendation, s.notes, s.submitted_at, s.entered_by_id, s.amend_reason"
    static let orderedColumnCount = orderedColumns.split(separator: ",").count

    /// Decoded from `orderedColumns` by position, straight from the statement: looking each column
    /// up by name, per row, was a large part of reading a position of 240,000 scorecards, and
    /// decoding each through GRDB's `Row` a fifth of what remained (session 23). The few distinct
    /// texts (state, rubric, its hash, the recommendation) are made strings once, through `texts`;
    /// the date is decoded as GRDB decodes it.
    init(ordered raw: RawRow, texts: inout OrderedTexts) {
        id = raw.int64(0)
        roundId = raw.int64(1)
        interviewerId = raw.int64(2)
        state = texts.states.string(of: raw.text(3))
        version = Int(raw.int64(4))
        rubricId = texts.rubrics.string(of: raw.text(5))
        rubricHash = texts.hashes.string(of: raw.text(6))
        scaleMin = Int(raw.int64(7))
        scaleMax = Int(raw.int64(8))
        recommendation = raw.isNull(9) ? nil : texts.recommendations.string(of: raw.text(9))
        notes = String(decoding: raw.text(10), as: UTF8.self)
        submittedAt = raw.isNull(11) ? nil : raw.row[11]
        enteredById = raw.isNull(12) ? nil : raw.int64(12)
        amendReason = raw.isNull(13) ? nil : String(decoding: raw.text(13), as: UTF8.self)
    }

    /// The texts `init(ordered:texts:)` shares between rows.
    struct OrderedTexts {
        var states = TextNumbering(), rubrics = TextNumbering(), hashes = TextNumbering(), recommendations = TextNumbering()
    }

    init(_ scorecard: Scorecard) {
        id = scorecard.id
        roundId = scorecard.roundID
        interviewerId = scorecard.interviewerID
        state = scorecard.state.rawValue
        version = scorecard.version
        rubricId = scorecard.rubricID
        rubricHash = scorecard.rubricHash
        scaleMin = scorecard.scale.minimum
        scaleMax = scorecard.scale.maximum
        recommendation = scorecard.recommendation?.rawValue
        notes = scorecard.notes
        submittedAt = scorecard.submittedAt?.storedPrecision
        enteredById = scorecard.enteredByID
        amendReason = scorecard.amendReason
    }

    func domain(ratings: [Rating]) throws -> Scorecard {
        guard let scorecardState = ScorecardState(rawValue: state) else {
            throw StoreError.constraint("scorecard \(id ?? 0) has unknown state '\(state)'")
        }
        return try Scorecard(
            id: id, roundID: roundId, interviewerID: interviewerId, state: scorecardState, version: version,
            rubricID: rubricId, rubricHash: rubricHash, scale: RatingScale(minimum: scaleMin, maximum: scaleMax),
            ratings: ratings, recommendation: recommendation.map(Recommendation.init(parsing:)), notes: notes,
            submittedAt: submittedAt, enteredByID: enteredById, amendReason: amendReason)
    }
}

/// A row of `rating`. A NULL value is "no signal".
struct RatingRecord: StoredRecord {
    static let databaseTableName = "rating"
    var id: Int64?
    var scorecardId: Int64
    var competencyId: String
    var questionId: Int64?
    var value: Int?
    var note: String?

    init(row: Row) throws {
        id = row["id"]
        scorecardId = row["scorecard_id"]
        competencyId = row["competency_id"]
        questionId = row["question_id"]
        value = row["value"]
        note = row["note"]
    }

    func domain() throws -> Rating {
        try Rating(competencyID: competencyId, questionID: questionId, value: value.map(RatingValue.point) ?? .noSignal, note: note)
    }
}
