import DebriefCore
import GRDB

/// Reads a position's current submitted scorecards and their ratings the way a large position
/// needs, for the dossier and the report's facts alike:
///
/// - every submitted version in round, interviewer and version order (the indexes' order, nothing
///   sorted), each (round, interviewer)'s later version replacing the earlier one: the rule of
///   `AppDatabase.latestSubmitted` applied as the rows arrive, without its lookup per scorecard,
///   which cost twice a whole read of a million-rating position;
/// - the ratings in one scan of the rating table when the position holds a good share of all
///   scorecards, else looked up through its rounds; either way only the kept scorecards' ratings
///   reach the caller.
struct SubmittedScorecardReader {
    let positionID: Int64
    /// Only this candidate's rounds, when given.
    let candidateID: Int64?

    /// A position holding at least one in this many of the scorecards ever stored reads the whole
    /// rating table rather than looking its ratings up (measured: a lookup costs about 8 times a
    /// row read in storage order).
    static let scanShare: Int64 = 4

    private var rounds: (condition: String, arguments: StatementArguments) { AppDatabase.ofPosition(positionID, candidateID: candidateID) }

    /// Calls `read` with each submitted version's row (`columns` of `scorecard s` and `round r`,
    /// then s.id, s.round_id and s.interviewer_id) and keeps its result for the scorecard's latest
    /// version; returns the kept results in round then interviewer order, with their scorecard ids.
    func scorecards<Element>(_ db: Database, columns: String, _ read: (RawRow) throws -> Element) throws -> (elements: [Element], ids: [Int64]) {
        let count = Int32(columns.split(separator: ",").count)
        var elements: [Element] = [], ids: [Int64] = []
        var lastPair: (round: Int64, interviewer: Int64)?
        try RawRow.forEach(
            db,
            sql: """
                SELECT \(columns), s.id, s.round_id, s.interviewer_id FROM round r JOIN scorecard s ON s.round_id = r.id
                WHERE \(rounds.condition) AND s.state = 'submitted' ORDER BY r.id, s.interviewer_id, s.version
                """, arguments: rounds.arguments
        ) { row in
            let (id, round, interviewer) = (row.int64(count), row.int64(count + 1), row.int64(count + 2))
            let element = try read(row)
            if let lastPair, lastPair == (round, interviewer) {
                elements[elements.count - 1] = element
                ids[ids.count - 1] = id
            } else {
                elements.append(element)
                ids.append(id)
            }
            lastPair = (round, interviewer)
        }
        return (elements, ids)
    }

    /// Calls `body` with each rating of the scorecards `ids` (`columns` of `rating ra`, then
    /// ra.scorecard_id) and the scorecard's place in `ids`.
    func ratings(_ db: Database, of ids: [Int64], columns: String, _ body: (RawRow, Int) throws -> Void) throws {
        // One candidate's rounds hold a handful: never a scan. A scan finds each rating's scorecard
        // by its id in an array; a lookup, which reads only the position's, in a dictionary.
        if candidateID == nil, let highest = try Self.scansRatings(db, keeping: Int64(ids.count)) {
            var place = [Int32](repeating: -1, count: Int(highest) + 1)
            for (index, id) in ids.enumerated() where id >= 0 && id <= highest { place[Int(id)] = Int32(index) }
            try forEachRating(db, columns: columns, scanning: true) { row, scorecardID in
                guard scorecardID >= 0, scorecardID <= highest, place[Int(scorecardID)] >= 0 else { return }
                try body(row, Int(place[Int(scorecardID)]))
            }
        } else {
            let place = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            try forEachRating(db, columns: columns, scanning: false) { row, scorecardID in
                guard let card = place[scorecardID] else { return }
                try body(row, card)
            }
        }
    }

    /// Calls `body` with each rating row (`columns` of `rating ra`, then ra.scorecard_id) and its
    /// scorecard's id: every rating stored when `scanning` (the caller keeps the ones it wants),
    /// else those of the rounds' submitted scorecards, every version. `valuesOnly` leaves out
    /// ratings without a signal.
    func forEachRating(
        _ db: Database, columns: String, valuesOnly: Bool = false, scanning: Bool, _ body: (RawRow, _ scorecardID: Int64) throws -> Void
    ) throws {
        let count = Int32(columns.split(separator: ",").count)
        let signal = valuesOnly ? " AND ra.value IS NOT NULL" : ""
        let (sql, arguments): (String, StatementArguments) =
            scanning
            ? ("SELECT \(columns), ra.scorecard_id FROM rating ra WHERE true\(signal)", [])
            : (
                """
                SELECT \(columns), ra.scorecard_id FROM round r JOIN scorecard s ON s.round_id = r.id JOIN rating ra ON ra.scorecard_id = s.id
                WHERE \(rounds.condition) AND s.state = 'submitted'\(signal)
                """, rounds.arguments
            )
        try RawRow.forEach(db, sql: sql, arguments: arguments) { row in try body(row, row.int64(count)) }
    }

    /// Whether reading the whole rating table is cheaper than looking up the ratings of `kept`
    /// scorecards: the highest scorecard id when it is, nil when not.
    static func scansRatings(_ db: Database, keeping kept: Int64) throws -> Int64? {
        guard let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM scorecard"), kept * scanShare >= highest else { return nil }
        return highest
    }
}
