import DebriefCore
import GRDB

extension AppDatabase {
    /// What the question-health report is computed from (see `QuestionHealthFacts`): the current
    /// submitted ratings of the position (of every position when `positionID` is nil) of each
    /// candidate rated on a question there (on a question of `setID` when given), read in one
    /// snapshot. Their ratings without a question are read too: they are the rest of the competency
    /// that a question's ratings are correlated with. Only questions of `setID` are labelled.
    public func questionHealthFacts(positionID: Int64?, setID: Int64? = nil) async throws(StoreError) -> QuestionHealthFacts {
        try await read { db in
            let position = try positionID.map { try Self.fetchPosition(db, id: $0) }
            let current = positionID.map { Self.currentScorecards(positionID: $0, candidateID: nil) } ?? (condition: Self.latestSubmitted, arguments: [])
            var groups: [ScaleKey: [(candidacy: Candidacy, rating: QuestionRating)]] = [:]
            // The candidacies rated on a question (of the set): the subquery's own `s` and `r` shadow the outer ones.
            let setCondition = setID == nil ? "" : " AND ra.question_id IN (SELECT id FROM question WHERE set_id = ?)"
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT ra.question_id, r.position_id, r.candidate_id, s.interviewer_id, ra.competency_id, ra.value, s.scale_min, s.scale_max
                    FROM scorecard s JOIN round r ON r.id = s.round_id JOIN rating ra ON ra.scorecard_id = s.id
                    WHERE \(current.condition) AND (r.position_id, r.candidate_id) IN (
                        SELECT r.position_id, r.candidate_id FROM scorecard s JOIN round r ON r.id = s.round_id JOIN rating ra ON ra.scorecard_id = s.id
                        WHERE \(current.condition) AND ra.question_id IS NOT NULL\(setCondition))
                    """, arguments: current.arguments + current.arguments + StatementArguments(setID.map { [$0] } ?? []))
            while let row = try rows.next() {
                let point: Int? = row[5]
                let rating = QuestionRating(
                    question: row[0], candidate: 0, interviewer: row[3], competency: row[4], value: point.map(RatingValue.point) ?? .noSignal)
                groups[ScaleKey(minimum: row[6], maximum: row[7]), default: []].append((Candidacy(position: row[1], candidate: row[2]), rating))
            }
            // Candidacies numbered in (position, candidate) order, whatever order the rows came in:
            // the same ratings give the same figures to the last digit.
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
                        })
                },
                questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) }))
        }
    }

    private struct Candidacy: Hashable {
        let position: Int64
        let candidate: Int64
    }

    private struct ScaleKey: Hashable {
        let minimum: Int
        let maximum: Int
    }
}
