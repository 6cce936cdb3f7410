import DebriefCore
import GRDB

/// The ratings of a position's submitted scorecards, folded per scorecard (`RatingFold`) as they are
/// read, before it is known which of the versions are current.
///
/// That lets them be read beside the scorecards themselves, on a connection of their own: the two
/// reads of a large position's facts then take the time of the longer one, not of both.
struct PositionRatingFolds {
    /// Competency ids by number (see `RatingFold`).
    var competencyIDs: [String] { competencies.texts }
    private var competencies = TextNumbering()
    /// By scorecard id, when the whole rating table was read.
    private var byIndex: [RatingFold] = []
    /// By scorecard id, when only the position's ratings were looked up.
    private var byID: [Int64: RatingFold] = [:]

    /// Reads the ratings with a signal of `positionID`'s submitted scorecards (and, when the position
    /// holds a good share of all scorecards, the whole table's, in one scan: see
    /// `SubmittedScorecardReader.scansRatings`).
    static func read(_ db: Database, positionID: Int64) throws -> PositionRatingFolds {
        var folds = PositionRatingFolds()
        let position = try Int64.fetchOne(
            db, sql: "SELECT count(*) FROM round r JOIN scorecard s ON s.round_id = r.id WHERE r.position_id = ?", arguments: [positionID]) ?? 0
        if let highest = try SubmittedScorecardReader.scansRatings(db, keeping: position) {
            folds.byIndex = Array(repeating: RatingFold(), count: Int(highest) + 1)
            try RawRow.forEach(db, sql: "SELECT ra.scorecard_id, ra.competency_id, ra.question_id IS NOT NULL, ra.value FROM rating ra WHERE ra.value IS NOT NULL") {
                row in
                let scorecard = Int(row.int64(0))
                // Never past the highest id of the same snapshot: a rating's scorecard exists.
                guard scorecard >= 0, scorecard < folds.byIndex.count else { return }
                let competency = folds.competencies.number(of: row.text(1))
                folds.byIndex[scorecard].add(competency: competency, perQuestion: row.int64(2) != 0, point: Int(row.int64(3)))
            }
        } else {
            let rounds = AppDatabase.ofPosition(positionID, candidateID: nil)
            try RawRow.forEach(
                db,
                sql: """
                    SELECT ra.scorecard_id, ra.competency_id, ra.question_id IS NOT NULL, ra.value
                    FROM round r JOIN scorecard s ON s.round_id = r.id JOIN rating ra ON ra.scorecard_id = s.id
                    WHERE \(rounds.condition) AND s.state = 'submitted' AND ra.value IS NOT NULL
                    """, arguments: rounds.arguments
            ) { row in
                let competency = folds.competencies.number(of: row.text(1))
                folds.byID[row.int64(0), default: RatingFold()].add(competency: competency, perQuestion: row.int64(2) != 0, point: Int(row.int64(3)))
            }
        }
        return folds
    }

    /// The fold of scorecard `id`'s ratings (empty when it has none with a signal).
    func fold(of id: Int64) -> RatingFold {
        byIndex.isEmpty ? byID[id] ?? RatingFold() : id >= 0 && id < byIndex.count ? byIndex[Int(id)] : RatingFold()
    }
}
