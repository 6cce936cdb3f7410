import DebriefCore
import GRDB

extension AppDatabase {
    /// Schedules a round under the position's rubric, in one transaction with its audit event.
    public func scheduleRound(_ round: Round, rubric: Rubric, by principal: Principal) async throws(StoreError) -> Round {
        try await write { db in try Self.createRound(db, round, rubric: rubric, by: principal) }
    }

    /// Inserts a round and its panel. The candidate, position and interviewers must exist, the
    /// position must be scored with `rubric` and the rubric must plan this kind of round, and a
    /// candidate whose process has ended cannot get one: the rules of `rounds schedule` and of
    /// rounds a score sheet creates alike.
    /// Refuses a rubric other than the one the position is scored with (`rubricID`): rounds and
    /// scorecards are made under their position's rubric only.
    static func requireScored(positionID: Int64, with rubricID: String, matching rubric: Rubric) throws(StoreError) {
        guard rubricID == rubric.id else {
            throw StoreError.invalid(FieldError(field: "rubric", "position #\(positionID) is scored with \(rubricID), not \(rubric.id)"))
        }
    }

    static func createRound(_ db: Database, _ round: Round, rubric: Rubric, by principal: Principal) throws -> Round {
        let candidate = try Self.fetchCandidate(db, .id(round.candidateID))
        try Self.requireNotErased(db, candidate)
        try candidate.validateCanBeScheduled()
        let position = try Self.fetchPosition(db, id: round.positionID)
        try Self.requireScored(positionID: round.positionID, with: position.rubricID, matching: rubric)
        _ = try rubric.requirePlan(for: round.kind)
        if let setID = round.questionSetID, try QuestionSetRecord.fetchOne(db, id: setID) == nil {
            throw StoreError.notFound(entity: "question set", key: "#\(setID) in the question bank")
        }
        for interviewerID in round.interviewerIDs where try UserRecord.fetchOne(db, id: interviewerID) == nil {
            throw StoreError.notFound(entity: "interviewer", key: "#\(interviewerID)")
        }
        var record = RoundRecord(round)
        try record.insert(db)
        guard let roundID = record.id else { throw StoreError.database("the round was stored without an id") }
        for interviewerID in round.interviewerIDs {
            try RoundInterviewerRecord(roundId: roundID, userId: interviewerID).insert(db)
        }
        let stored = try record.domain(interviewerIDs: round.interviewerIDs)
        try AuditLog.record(db, by: principal, action: "schedule", entity: "round", entityID: roundID, after: stored)
        return stored
    }

    /// Rounds by scheduled time, optionally for one candidate, one position or one panel member.
    public func rounds(candidateID: Int64? = nil, positionID: Int64? = nil, interviewerID: Int64? = nil) async throws(StoreError) -> [Round] {
        try await read { db in
            var request = RoundRecord.order(Column("scheduled_at"), Column("id"))
            if let candidateID { request = request.filter(Column("candidate_id") == candidateID) }
            if let positionID { request = request.filter(Column("position_id") == positionID) }
            if let interviewerID {
                request = request.filter(sql: "id IN (SELECT round_id FROM round_interviewer WHERE user_id = ?)", arguments: [interviewerID])
            }
            return try Self.withInterviewers(db, try request.fetchAll(db))
        }
    }

    /// The round with this id, or `notFound`.
    public func round(id: Int64) async throws(StoreError) -> Round {
        try await roundAndRubricID(id: id).round
    }

    /// The round with this id and the id of the rubric its position is scored with, or `notFound`:
    /// what a scorecard submission needs, in one look-up.
    public func roundAndRubricID(id: Int64) async throws(StoreError) -> (round: Round, rubricID: String) {
        // One statement, the round joined to its position and its panel, prepared once per
        // connection: consistent on its own, so it runs as a look-up on the calling thread, not as a
        // read with its two thread switches. Every scorecard submission reads its round.
        try lookUp { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT r.*, p.rubric_id AS position_rubric_id, ri.user_id AS panel_member
                        FROM round r JOIN position p ON p.id = r.position_id LEFT JOIN round_interviewer ri ON ri.round_id = r.id
                        WHERE r.id = ? ORDER BY ri.user_id
                        """), arguments: [id])
            guard let first = rows.first else { throw StoreError.notFound(entity: "round", key: "#\(id)") }
            return (try RoundRecord(row: first).domain(interviewerIDs: rows.compactMap { $0["panel_member"] }), first["position_rubric_id"])
        }
    }

    static func fetchRoundRecord(_ db: Database, id: Int64) throws -> RoundRecord {
        guard let record = try RoundRecord.fetchOne(db, id: id) else { throw StoreError.notFound(entity: "round", key: "#\(id)") }
        return record
    }

    static func withInterviewers(_ db: Database, _ records: [RoundRecord]) throws -> [Round] {
        let ids = records.compactMap(\.id)
        let links = try ChunkedLookup.fetch(ids) {
            try RoundInterviewerRecord.filter($0.contains(Column("round_id"))).order(Column("user_id")).fetchAll(db)
        }
        let byRound = Dictionary(grouping: links, by: \.roundId)
        return try records.map { record in
            try record.domain(interviewerIDs: (byRound[record.id ?? -1] ?? []).map(\.userId))
        }
    }
}
