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
        let reader = SubmittedScorecardReader(positionID: positionID, candidateID: nil)
        typealias Head = (candidateID: Int64, roundID: Int64, kind: RoundKind, interviewerID: Int64, recommendation: Recommendation)
        let (heads, ids) = try reader.scorecards(
            db, columns: "r.candidate_id, s.round_id, r.kind, s.interviewer_id, s.recommendation, s.rubric_hash, s.submitted_at"
        ) { row -> (head: Head, provenance: ScorecardProvenance) in
            let recommendation: String? = row[4]
            return (
                (row[0], row[1], try RoundKind(parsing: row[2]), row[3], try recommendation.map(Recommendation.init(parsing:)) ?? .noDecision),
                ScorecardProvenance(rubricHash: row[5], submittedAt: row[6])
            )
        }
        var folds = [RatingFold](repeating: RatingFold(), count: heads.count)
        try reader.ratings(db, of: ids, columns: "ra.competency_id, ra.question_id IS NOT NULL, ra.value", valuesOnly: true) { row, card in
            folds[card].add(competencyID: row[0], perQuestion: row[1], point: row[2])
        }
        let cards = heads.indices.map { index in
            let head = heads[index].head
            return ScoredCard(
                candidateID: head.candidateID, roundID: head.roundID, roundKind: head.kind, interviewerID: head.interviewerID,
                values: folds[index].values, recommendation: head.recommendation)
        }
        return (cards, heads.map(\.provenance))
    }
}
