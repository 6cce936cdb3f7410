import DebriefCore
import GRDB

extension AppDatabase {
    /// What the position's report is computed from (see `PositionFacts`), read in one snapshot with
    /// its data version. Each rating is folded into its scorecard's values as it is read: no rating,
    /// note or scorecard record is kept, which a million-rating position's report used to spend
    /// most of its time and memory on.
    public func positionFacts(positionID: Int64) async throws(StoreError) -> PositionFacts {
        try await read { db in
            let position = try Self.fetchPosition(db, id: positionID)
            let (cards, provenance) = try Self.currentScoredCards(db, positionID: positionID)
            let candidateIDs = try Int64.fetchAll(db, sql: "SELECT DISTINCT candidate_id FROM round WHERE position_id = ?", arguments: [positionID])
            return PositionFacts(
                position: position, candidates: try Self.candidates(db, ids: candidateIDs),
                interviewers: try Self.users(db, ids: Array(Set(cards.map(\.interviewerID)))), cards: cards, provenance: provenance,
                rubricVersions: try Self.rubricTexts(db, hashes: Array(Set(provenance.map(\.rubricHash)))),
                dataVersion: try Self.reportDataVersion(db, positionID: positionID))
        }
    }

    /// The position's current submitted scorecards, each folded to one value per competency as its
    /// ratings are read, in round then interviewer order, with each one's provenance.
    static func currentScoredCards(_ db: Database, positionID: Int64) throws -> (cards: [ScoredCard], provenance: [ScorecardProvenance]) {
        let current = Self.currentScorecards(positionID: positionID, candidateID: nil)
        var heads: [(candidateID: Int64, roundID: Int64, kind: RoundKind, interviewerID: Int64, recommendation: Recommendation)] = []
        var provenance: [ScorecardProvenance] = []
        var cardOfScorecard: [Int64: Int] = [:]
        let cardRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.id, r.candidate_id, s.round_id, r.kind, s.interviewer_id, s.recommendation, s.rubric_hash, s.submitted_at
                FROM scorecard s JOIN round r ON r.id = s.round_id
                WHERE \(current.condition) ORDER BY s.round_id, s.interviewer_id
                """, arguments: current.arguments)
        while let row = try cardRows.next() {
            cardOfScorecard[row[0]] = heads.count
            let recommendation: String? = row[5]
            heads.append(
                (row[1], row[2], try RoundKind(parsing: row[3]), row[4], try recommendation.map(Recommendation.init(parsing:)) ?? .noDecision))
            provenance.append(ScorecardProvenance(rubricHash: row[6], submittedAt: row[7]))
        }
        var folds = [RatingFold](repeating: RatingFold(), count: heads.count)
        let ratingRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT ra.scorecard_id, ra.competency_id, ra.question_id IS NOT NULL, ra.value
                FROM scorecard s JOIN round r ON r.id = s.round_id JOIN rating ra ON ra.scorecard_id = s.id
                WHERE \(current.condition) AND ra.value IS NOT NULL
                """, arguments: current.arguments)
        while let row = try ratingRows.next() {
            guard let card = cardOfScorecard[row[0]] else { continue }
            folds[card].add(competencyID: row[1], perQuestion: row[2], point: row[3])
        }
        let cards = heads.indices.map { index in
            let head = heads[index]
            return ScoredCard(
                candidateID: head.candidateID, roundID: head.roundID, roundKind: head.kind, interviewerID: head.interviewerID,
                values: folds[index].values, recommendation: head.recommendation)
        }
        return (cards, provenance)
    }
}
