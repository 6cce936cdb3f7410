import DebriefCore
import GRDB

extension AppDatabase {
    /// What the rubric's reliability study is computed from (see `RubricStudyFacts`): the current
    /// submitted scorecards of every position that uses `rubricID`, read in one snapshot. A rubric
    /// no position uses is ""no position using rubric ID".
    public func rubricStudyFacts(rubricID: String) async throws(StoreError) -> RubricStudyFacts {
        try await read { db in
            let positions = try Row.fetchAll(db, sql: "SELECT id, title FROM position WHERE rubric_id = ? ORDER BY id", arguments: [rubricID])
            guard !positions.isEmpty else { throw StoreError.notFound(entity: "position", key: "using rubric \(rubricID)") }
            var pooled: [RubricStudyFacts.PooledPosition] = []
            var cards: [ScoredCard] = []
            var candidacies: Int64 = 0
            for row in positions {
                let positionID: Int64 = row[0]
                var candidacy: [Int64: Int64] = [:]
                let own = try Self.currentScoredCards(db, positionID: positionID)
                for card in own {
                    let number = candidacy[card.candidateID] ?? candidacies + Int64(candidacy.count)
                    candidacy[card.candidateID] = number
                    cards.append(
                        ScoredCard(
                            candidateID: number, roundID: card.roundID, roundKind: card.roundKind, interviewerID: card.interviewerID,
                            values: card.values,
                            recommendation: card.recommendation))
                }
                candidacies += Int64(candidacy.count)
                pooled.append(.init(id: positionID, title: row[1], candidates: candidacy.count, scorecards: own.count))
            }
            return RubricStudyFacts(rubricID: rubricID, positions: pooled, cards: cards)
        }
    }
}
