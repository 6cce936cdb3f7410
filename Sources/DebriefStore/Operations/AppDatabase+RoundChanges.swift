import DebriefCore
import Foundation
import GRDB

extension AppDatabase {
    /// Moves a round to another time and/or changes its panel, in one transaction with its audit
    /// event. Nobody who has started a scorecard for the round can be taken off its panel: their
    /// scorecard would no longer belong to anyone on it. `precondition` sees the stored round first
    /// and may refuse (a stale version); nothing is written then.
    public func changeRound(
        id roundID: Int64, scheduledAt: Date, interviewerIDs: [Int64], by principal: Principal,
        precondition: @escaping @Sendable (Round) throws -> Void = { _ in }
    ) async throws(StoreError) -> Round {
        try await write { db in
            let before = try Self.withInterviewers(db, [Self.fetchRoundRecord(db, id: roundID)])[0]
            try precondition(before)
            var after = try Round(
                id: roundID, candidateID: before.candidateID, positionID: before.positionID, kind: before.kind, scheduledAt: scheduledAt,
                interviewerIDs: interviewerIDs, questionSetID: before.questionSetID)
            after.interviewerIDs.sort()
            for interviewerID in after.interviewerIDs where try UserRecord.fetchOne(db, id: interviewerID) == nil {
                throw StoreError.notFound(entity: "interviewer", key: "#\(interviewerID)")
            }
            let removed = Set(before.interviewerIDs).subtracting(after.interviewerIDs)
            let scored = try Int64.fetchAll(
                db, sql: "SELECT DISTINCT interviewer_id FROM scorecard WHERE round_id = ? ORDER BY interviewer_id", arguments: [roundID])
            if let kept = scored.first(where: removed.contains) {
                let name = try UserRecord.fetchOne(db, id: kept)?.name ?? "#\(kept)"
                throw StoreError.invalid(
                    FieldError(field: "interviewer", "\(name) has a scorecard for this round, so they stay on its panel"))
            }
            try db.execute(sql: "UPDATE round SET scheduled_at = ? WHERE id = ?", arguments: [scheduledAt.storedPrecision, roundID])
            try db.execute(sql: "DELETE FROM round_interviewer WHERE round_id = ?", arguments: [roundID])
            for interviewerID in after.interviewerIDs {
                try RoundInterviewerRecord(roundId: roundID, userId: interviewerID).insert(db)
            }
            let stored = try Self.withInterviewers(db, [Self.fetchRoundRecord(db, id: roundID)])[0]
            try AuditLog.record(db, by: principal, action: "reschedule", entity: "round", entityID: roundID, before: before, after: stored)
            return stored
        }
    }

    /// The state of each interviewer's latest scorecard in each of these rounds (round id →
    /// interviewer id → state), in one query: for lists of rounds with their panels' progress.
    public func scorecardStates(roundIDs: [Int64]) async throws(StoreError) -> [Int64: [Int64: ScorecardState]] {
        try await read { db in
            let rows = try ChunkedLookup.fetch(roundIDs) { ids in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.round_id, s.interviewer_id, s.state FROM scorecard s
                        WHERE s.round_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                          AND s.version = (SELECT max(version) FROM scorecard x WHERE x.round_id = s.round_id AND x.interviewer_id = s.interviewer_id)
                        """, arguments: StatementArguments(ids))
            }
            var states: [Int64: [Int64: ScorecardState]] = [:]
            for row in rows {
                states[row["round_id"], default: [:]][row["interviewer_id"]] = ScorecardState(rawValue: row["state"])
            }
            return states
        }
    }
}
