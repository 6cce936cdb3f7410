import DebriefCore
import Foundation
import GRDB

extension AppDatabase {
    /// What the position's report is computed from (see `PositionFacts`), with its data version.
    /// Each rating is folded into its scorecard's values as it is read: no rating, note or
    /// scorecard record is kept, which a million-rating position's report used to spend most of its
    /// time and memory on.
    ///
    /// The ratings are read on a connection of their own while the scorecards and people are read
    /// on another, so the two take the time of the longer. The two snapshots are of the same
    /// position data when they agree on its version (every write to it advances the version);
    /// when a write came between them, everything is read again in one snapshot.
    public func positionFacts(positionID: Int64) async throws(StoreError) -> PositionFacts {
        do {
            async let ratings = read { db in
                (version: try Self.reportDataVersion(db, positionID: positionID), folds: try PositionRatingFolds.read(db, positionID: positionID))
            }
            let scorecards = try await read { db in try Self.factsBesideRatings(db, positionID: positionID) }
            let (version, folds) = try await ratings
            if let facts = scorecards.facts(folds, readAt: version) { return facts }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(mapping: error)
        }
        return try await read { db in
            try Self.factsBesideRatings(db, positionID: positionID).facts(try PositionRatingFolds.read(db, positionID: positionID))
        }
    }

    /// The position's current submitted scorecards, each folded to one value per competency, in
    /// round then interviewer order, read within `db`'s snapshot.
    static func currentScoredCards(_ db: Database, positionID: Int64) throws -> [ScoredCard] {
        try CurrentScorecards.read(db, positionID: positionID).cards(try PositionRatingFolds.read(db, positionID: positionID))
    }

    /// Everything of the position's facts but the ratings.
    static func factsBesideRatings(_ db: Database, positionID: Int64) throws -> FactsBesideRatings {
        let position = try Self.fetchPosition(db, id: positionID)
        let scorecards = try CurrentScorecards.read(db, positionID: positionID)
        let candidateIDs = try Int64.fetchAll(db, sql: "SELECT DISTINCT candidate_id FROM round WHERE position_id = ?", arguments: [positionID])
        return FactsBesideRatings(
            position: position, candidates: try Self.candidates(db, ids: candidateIDs),
            interviewers: try Self.users(db, ids: Array(Set(scorecards.heads.map(\.interviewerID)))), scorecards: scorecards,
            rubricVersions: try Self.rubricTexts(db, hashes: Array(Set(scorecards.provenance.map(\.rubricHash)))),
            dataVersion: try Self.reportDataVersion(db, positionID: positionID))
    }

    struct FactsBesideRatings: Sendable {
        let position: Position
        let candidates: [Candidate]
        let interviewers: [User]
        let scorecards: CurrentScorecards
        let rubricVersions: [String: String]
        let dataVersion: ReportDataVersion

        /// The facts with ratings folded in another snapshot, read at `version`: nil unless that is
        /// this snapshot's version, when the two hold the same position data.
        func facts(_ folds: PositionRatingFolds, readAt version: ReportDataVersion) -> PositionFacts? {
            version == dataVersion ? facts(folds) : nil
        }

        /// The facts, with each scorecard's values from its ratings' fold.
        func facts(_ folds: PositionRatingFolds) -> PositionFacts {
            PositionFacts(
                position: position, candidates: candidates, interviewers: interviewers, cards: scorecards.cards(folds),
                provenance: scorecards.provenance,
                rubricVersions: rubricVersions, dataVersion: dataVersion)
        }
    }

    /// The position's current submitted scorecards without their ratings, in round then interviewer
    /// order, each with its id and provenance.
    struct CurrentScorecards: Sendable {
        typealias Head = (candidateID: Int64, roundID: Int64, kind: RoundKind, interviewerID: Int64, recommendation: Recommendation)
        let heads: [Head]
        let ids: [Int64]
        let provenance: [ScorecardProvenance]

        /// The scorecards, each with its values from its ratings' fold.
        func cards(_ folds: PositionRatingFolds) -> [ScoredCard] {
            let names = folds.competencyIDs
            return heads.indices.map { index in
                let head = heads[index]
                return ScoredCard(
                    candidateID: head.candidateID, roundID: head.roundID, roundKind: head.kind, interviewerID: head.interviewerID,
                    values: folds.fold(of: ids[index]).values(names: names), recommendation: head.recommendation)
            }
        }

        static func read(_ db: Database, positionID: Int64) throws -> CurrentScorecards {
            // Round kinds, recommendations and rubric hashes take a few values each: each is
            // parsed, or made a string, once.
            var kinds = TextNumbering(), recommendations = TextNumbering(), hashes = TextNumbering()
            typealias Numbered = (
                candidateID: Int64, roundID: Int64, kind: Int, interviewerID: Int64, recommendation: Int?, hash: String, submittedAt: Date?
            )
            let (numbered, ids) = try SubmittedScorecardReader(positionID: positionID, candidateID: nil).scorecards(
                db, columns: "r.candidate_id, s.round_id, r.kind, s.interviewer_id, s.recommendation, s.rubric_hash, s.submitted_at"
            ) { row -> Numbered in
                (
                    row.int64(0), row.int64(1), kinds.number(of: row.text(2)), row.int64(3),
                    row.isNull(4) ? nil : recommendations.number(of: row.text(4)), hashes.string(of: row.text(5)), row.row[6]
                )
            }
            let kindOf = try kinds.texts.map { try RoundKind(parsing: $0) }
            let recommendationOf = try recommendations.texts.map { try Recommendation(parsing: $0) }
            return CurrentScorecards(
                heads: numbered.map {
                    ($0.candidateID, $0.roundID, kindOf[$0.kind], $0.interviewerID, $0.recommendation.map { recommendationOf[$0] } ?? .noDecision)
                },
                ids: ids, provenance: numbered.map { ScorecardProvenance(rubricHash: $0.hash, submittedAt: $0.submittedAt) })
        }
    }
}
