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
    private var folds: Folds

    /// Folds by scorecard id: in an array indexed by it when the whole rating table was read, else
    /// in a dictionary of the position's.
    private enum Folds {
        case scanned([RatingFold])
        case lookedUp([Int64: RatingFold])
    }

    /// Reads the ratings with a signal of `positionID`'s submitted scorecards (and, when the position
    /// holds a good share of all scorecards, the whole table's, in one scan: see
    /// `SubmittedScorecardReader.scansRatings`).
    static func read(_ db: Database, positionID: Int64) throws -> PositionRatingFolds {
        let reader = SubmittedScorecardReader(positionID: positionID, candidateID: nil)
        let position =
            try Int64.fetchOne(
                db, sql: "SELECT count(*) FROM round r JOIN scorecard s ON s.round_id = r.id WHERE r.position_id = ?", arguments: [positionID]) ?? 0
        let highest = try SubmittedScorecardReader.scansRatings(db, keeping: position)
        var competencies = TextNumbering()
        var scanned = [RatingFold](repeating: RatingFold(), count: highest.map { Int($0) + 1 } ?? 0)
        var lookedUp: [Int64: RatingFold] = [:]
        try reader.forEachRating(db, columns: "ra.competency_id, ra.question_id IS NOT NULL, ra.value", valuesOnly: true, scanning: highest != nil) {
            row, scorecardID in
            let competency = competencies.number(of: row.text(0)), perQuestion = row.int64(1) != 0, point = Int(row.int64(2))
            if highest == nil {
                lookedUp[scorecardID, default: RatingFold()].add(competency: competency, perQuestion: perQuestion, point: point)
            } else if scorecardID >= 0, scorecardID < scanned.count {
                // Never past the highest id of the same snapshot: a rating's scorecard exists.
                scanned[Int(scorecardID)].add(competency: competency, perQuestion: perQuestion, point: point)
            }
        }
        return PositionRatingFolds(competencies: competencies, folds: highest == nil ? .lookedUp(lookedUp) : .scanned(scanned))
    }

    /// The fold of scorecard `id`'s ratings (empty when it has none with a signal).
    func fold(of id: Int64) -> RatingFold {
        switch folds {
        case .scanned(let byID): id >= 0 && id < byID.count ? byID[Int(id)] : RatingFold()
        case .lookedUp(let byID): byID[id] ?? RatingFold()
        }
    }
}
