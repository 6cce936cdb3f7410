import DebriefCore
import GRDB

extension AppDatabase {
    /// Schedules a round. The candidate, position and interviewers must exist, every interviewer must
    /// be able to interview, and a candidate whose process has ended cannot be scheduled.
    public func scheduleRound(_ round: Round, by principal: Principal) async throws(StoreError) -> Round {
        try await write { db in
            let candidate = try Self.fetchCandidate(db, .id(round.candidateID))
            guard !candidate.stage.isClosed else {
                throw StoreError.invalid(
                    FieldError(field: "candidate", "\(candidate.name) is '\(candidate.stage.rawValue)'; reopen them before scheduling a round"))
            }
            return try Self.createRound(db, round, by: principal)
        }
    }

    /// Inserts a round and its panel without the pipeline check, for history imported as it happened.
    static func createRound(_ db: Database, _ round: Round, by principal: Principal) throws -> Round {
        _ = try Self.fetchPosition(db, id: round.positionID)
        for interviewerID in round.interviewerIDs where try UserRecord.fetchOne(db, key: interviewerID) == nil {
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

    /// Rounds by scheduled time, optionally for one candidate or one position.
    public func rounds(candidateID: Int64? = nil, positionID: Int64? = nil) async throws(StoreError) -> [Round] {
        try await read { db in
            var request = RoundRecord.order(Column("scheduled_at"), Column("id"))
            if let candidateID { request = request.filter(Column("candidate_id") == candidateID) }
            if let positionID { request = request.filter(Column("position_id") == positionID) }
            return try Self.withInterviewers(db, try request.fetchAll(db))
        }
    }

    /// The round with this id, or `notFound`.
    public func round(id: Int64) async throws(StoreError) -> Round {
        try await read { db in try Self.withInterviewers(db, [Self.fetchRoundRecord(db, id: id)])[0] }
    }

    static func fetchRoundRecord(_ db: Database, id: Int64) throws -> RoundRecord {
        guard let record = try RoundRecord.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "round", key: "#\(id)") }
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
