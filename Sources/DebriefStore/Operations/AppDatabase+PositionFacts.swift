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
        var heads: [(candidateID: Int64, roundID: Int64, kind: RoundKind, interviewerID: Int64, recommendation: Recommendation)] = []
        var provenance: [ScorecardProvenance] = []
        var scorecardIDs: [Int64] = []
        // Every submitted version, in round, interviewer and version order (the indexes' order, so
        // nothing is sorted), each pair's later version replacing the earlier: the rule of
        // `latestSubmitted` without its lookup per scorecard, which cost twice this whole read.
        let cardRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.id, r.candidate_id, s.round_id, r.kind, s.interviewer_id, s.recommendation, s.rubric_hash, s.submitted_at
                FROM round r JOIN scorecard s ON s.round_id = r.id
                WHERE r.position_id = ? AND s.state = 'submitted' ORDER BY r.id, s.interviewer_id, s.version
                """, arguments: [positionID])
        while let row = try cardRows.next() {
            let recommendation: String? = row[5]
            let head = (
                candidateID: row[1] as Int64, roundID: row[2] as Int64, kind: try RoundKind(parsing: row[3]), interviewerID: row[4] as Int64,
                recommendation: try recommendation.map(Recommendation.init(parsing:)) ?? .noDecision
            )
            let made = ScorecardProvenance(rubricHash: row[6], submittedAt: row[7])
            if let last = heads.last, last.roundID == head.roundID, last.interviewerID == head.interviewerID {
                heads[heads.count - 1] = head
                provenance[provenance.count - 1] = made
                scorecardIDs[scorecardIDs.count - 1] = row[0]
            } else {
                heads.append(head)
                provenance.append(made)
                scorecardIDs.append(row[0])
            }
        }
        let cardOfScorecard = Dictionary(uniqueKeysWithValues: scorecardIDs.enumerated().map { ($1, $0) })
        var folds = [RatingFold](repeating: RatingFold(), count: heads.count)
        // Looking up each scorecard's ratings costs a search of the rating table per rating; when
        // the position holds a good share of all scorecards, reading the whole table in storage
        // order is several times cheaper. Either way only the current scorecards' ratings are kept.
        let scorecardsStored = try Int64.fetchOne(db, sql: "SELECT max(id) FROM scorecard") ?? 0
        let ratingRows =
            Int64(heads.count) * Self.scanShare >= scorecardsStored
            ? try Row.fetchCursor(db, sql: "SELECT scorecard_id, competency_id, question_id IS NOT NULL, value FROM rating WHERE value IS NOT NULL")
            : try Row.fetchCursor(
                db,
                sql: """
                    SELECT ra.scorecard_id, ra.competency_id, ra.question_id IS NOT NULL, ra.value
                    FROM round r JOIN scorecard s ON s.round_id = r.id JOIN rating ra ON ra.scorecard_id = s.id
                    WHERE r.position_id = ? AND s.state = 'submitted' AND ra.value IS NOT NULL
                    """, arguments: [positionID])
        // A scorecard's ratings are stored together, so most rows are the previous row's scorecard.
        var previous: (scorecardID: Int64, card: Int?) = (0, nil)
        while let row = try ratingRows.next() {
            let scorecardID: Int64 = row[0]
            if scorecardID != previous.scorecardID { previous = (scorecardID, cardOfScorecard[scorecardID]) }
            guard let card = previous.card else { continue }
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

    /// A position holding at least one in this many of the scorecards ever stored reads the whole
    /// rating table rather than looking its ratings up (measured: a lookup costs about 8 times a
    /// row read in storage order).
    static let scanShare: Int64 = 4
}
