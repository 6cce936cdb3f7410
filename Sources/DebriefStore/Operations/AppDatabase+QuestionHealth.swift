import DebriefCore
import GRDB

extension AppDatabase {
    /// What the question-health report is computed from (see `QuestionHealthFacts`): the current
    /// submitted ratings of the position (of every position when `positionID` is nil) of each
    /// candidate rated on a question there (on a question of `setID` when given), read in one
    /// snapshot. Their ratings without a question are read too: they are the rest of the competency
    /// that a question's ratings are correlated with. Only questions of `setID` are labelled.
    /// `lookupsUpTo` (for tests) moves the switch from candidacy lookups to one pass (`candidacyLookups`).
    public func questionHealthFacts(
        positionID: Int64?, setID: Int64? = nil, lookupsUpTo: Int = AppDatabase.candidacyLookups
    ) async throws(StoreError) -> QuestionHealthFacts {
        try await read { db in
            let position = try positionID.map { try Self.fetchPosition(db, id: $0) }
            let current =
                positionID.map { Self.currentScorecards(positionID: $0, candidateID: nil) } ?? (condition: Self.latestSubmitted, arguments: [])
            var groups: [ScaleKey: [(candidacy: Candidacy, rating: QuestionRating)]] = [:]
            // First the candidacies rated on a question (of the set), from the question ratings' index.
            let setCondition = setID == nil ? "" : " AND ra.question_id IN (SELECT id FROM question WHERE set_id = ?)"
            let setArguments = StatementArguments(setID.map { [$0] } ?? [])
            let askedRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT r.position_id, r.candidate_id
                    FROM rating ra JOIN scorecard s ON s.id = ra.scorecard_id JOIN round r ON r.id = s.round_id
                    WHERE ra.question_id IS NOT NULL\(setCondition) AND \(current.condition)
                    """, arguments: setArguments + current.arguments)
            let askedCandidacies = Set(askedRows.map { Candidacy(position: $0[0], candidate: $0[1]) })
            func keep(_ row: Row) {
                let candidacy = Candidacy(position: row[1], candidate: row[2])
                guard askedCandidacies.contains(candidacy) else { return }
                let point: Int? = row[5]
                let rating = QuestionRating(
                    question: row[0], candidate: 0, interviewer: row[3], competency: row[4], value: point.map(RatingValue.point) ?? .noSignal)
                groups[ScaleKey(minimum: row[6], maximum: row[7]), default: []].append((candidacy, rating))
            }
            let columns = "ra.question_id, r.position_id, r.candidate_id, s.interviewer_id, ra.competency_id, ra.value, s.scale_min, s.scale_max"
            let joins = "round r JOIN scorecard s ON s.round_id = r.id JOIN rating ra ON ra.scorecard_id = s.id"
            if askedCandidacies.count <= lookupsUpTo {
                // Then every rating of theirs: a few candidacies each through their own rounds
                // (`+r.position_id` keeps SQLite on the candidate's index, not the position's).
                let statement = try db.makeStatement(
                    sql: "SELECT \(columns) FROM \(joins) WHERE r.candidate_id = ? AND +r.position_id = ? AND \(Self.latestSubmitted)")
                for candidacy in askedCandidacies {
                    let rows = try Row.fetchCursor(statement, arguments: [candidacy.candidate, candidacy.position])
                    while let row = try rows.next() { keep(row) }
                }
            } else {
                // Many: one pass over every current rating in scope, keeping theirs.
                let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(joins) WHERE \(current.condition)", arguments: current.arguments)
                while let row = try rows.next() { keep(row) }
            }
            // Candidacies numbered in (position, candidate) order, and ratings sorted, whatever order
            // the rows came in: the same ratings give the same figures to the last digit.
            let candidacies = Set(groups.values.joined().map(\.candidacy)).sorted { ($0.position, $0.candidate) < ($1.position, $1.candidate) }
            let number = Dictionary(uniqueKeysWithValues: candidacies.enumerated().map { ($1, Int64($0)) })
            let asked = Set(groups.values.joined().compactMap(\.rating.question)).sorted()
            let questions = try ChunkedLookup.fetch(asked) { ids in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT q.id, q.text, q.title, q.set_id, qs.title, qs.version FROM question q JOIN question_set qs ON qs.id = q.set_id
                        WHERE q.id IN (\(databaseQuestionMarks(count: ids.count)))\(setID == nil ? "" : " AND q.set_id = ?")
                        """, arguments: StatementArguments(ids) + StatementArguments(setID.map { [$0] } ?? [])
                ).map { row in
                    QuestionHealthFacts.AskedQuestion(id: row[0], text: row[1], title: row[2], setID: row[3], setTitle: row[4], setVersion: row[5])
                }
            }
            return QuestionHealthFacts(
                position: position,
                groups: try groups.map { key, rows in
                    QuestionHealthFacts.ScaleGroup(
                        scale: try RatingScale(minimum: key.minimum, maximum: key.maximum),
                        ratings: rows.map { row in
                            var rating = row.rating
                            rating.candidate = number[row.candidacy]!
                            return rating
                        }.sorted(by: Self.readingOrder))
                },
                questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) }))
        }
    }

    /// Ratings in one order whatever order SQLite read them in, so sums add up the same way.
    private static func readingOrder(_ a: QuestionRating, _ b: QuestionRating) -> Bool {
        (a.candidate, a.interviewer, a.question ?? 0, a.competency, a.value.point ?? -1)
            < (b.candidate, b.interviewer, b.question ?? 0, b.competency, b.value.point ?? -1)
    }

    /// Up to this many asked candidacies, their ratings are looked up candidacy by candidacy;
    /// beyond it, one pass over the scope's ratings is cheaper.
    public static let candidacyLookups = 2_000

    private struct Candidacy: Hashable {
        let position: Int64
        let candidate: Int64
    }

    private struct ScaleKey: Hashable {
        let minimum: Int
        let maximum: Int
    }
}
