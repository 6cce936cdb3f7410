import DebriefCore
import Foundation
import GRDB

/// Everything Debrief holds about one candidate, for a subject access request.
public struct PersonalDataExport: Sendable, Encodable {
    /// A round the candidate had, with its position, panel and every scorecard version about them.
    public struct ExportedRound: Sendable, Encodable {
        public let round: Round
        public let positionTitle: String
        public let panel: [PanelMember]
        public let scorecards: [Scorecard]
    }

    /// An interviewer on a panel, by name and email.
    public struct PanelMember: Sendable, Encodable {
        public let name: String
        public let email: String
    }

    public let candidate: Candidate
    /// When the candidate's personal data was erased; nil while it is held.
    public let erasedAt: Date?
    public let rounds: [ExportedRound]
    /// Every audit event about the candidate, their rounds and the scorecards about them, oldest first.
    public let auditEvents: [AuditEvent]
    public let exportedAt: Date
}

/// What an erasure changed, in counts (never the erased values).
public struct ErasureSummary: Sendable, Equatable, Encodable {
    public let candidateID: Int64
    public let scorecards: Int
    public let ratingNotes: Int
    public let auditEvents: Int
    public let idempotentReplies: Int
}

extension AppDatabase {
    /// Everything held about the candidate: the record, rounds with panels and positions, every
    /// scorecard version with its ratings and notes, and the audit events about any of them.
    public func personalData(of reference: CandidateReference) async throws(StoreError) -> PersonalDataExport {
        try await read { db in
            let candidate = try Self.fetchCandidate(db, reference)
            guard let candidateID = candidate.id else { throw StoreError.notFound(entity: "candidate", key: reference.description) }
            let erasedAt = try Self.erasedAt(db, candidateID: candidateID)
            let rounds = try Self.withInterviewers(
                db, try RoundRecord.filter(Column("candidate_id") == candidateID).order(Column("scheduled_at"), Column("id")).fetchAll(db))
            let exported = try rounds.map { round -> PersonalDataExport.ExportedRound in
                let title = try String.fetchOne(db, sql: "SELECT title FROM position WHERE id = ?", arguments: [round.positionID]) ?? ""
                let panel = try Row.fetchAll(
                    db,
                    sql: "SELECT u.name, u.email FROM round_interviewer ri JOIN user u ON u.id = ri.user_id WHERE ri.round_id = ? ORDER BY u.id",
                    arguments: [round.id]
                ).map { PersonalDataExport.PanelMember(name: $0["name"], email: $0["email"]) }
                let scorecards = try Self.scorecards(
                    db, try ScorecardRecord.filter(Column("round_id") == round.id).order(Column("interviewer_id"), Column("version")).fetchAll(db))
                return .init(round: round, positionTitle: title, panel: panel, scorecards: scorecards)
            }
            let events = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_event WHERE \(Self.aboutCandidate) ORDER BY id", arguments: [candidateID, candidateID, candidateID]
            ).map(AuditEvent.init(row:))
            return PersonalDataExport(candidate: candidate, erasedAt: erasedAt, rounds: exported, auditEvents: events, exportedAt: Date())
        }
    }

    /// Erases the candidate's personal data everywhere Debrief keeps it, in one transaction: name,
    /// email, phone and source on the record; notes, amendment reasons and rating notes of every
    /// scorecard about them; the before and after summaries of every audit event about them or that
    /// quotes their name or email; stored API replies that quote them. Ratings, rounds, stage and dates
    /// stay, anonymised, so a position's statistics stay valid. The erasure itself is audited without
    /// the erased data. Deleted bytes are overwritten (`secure_delete`) and the write-ahead log is
    /// checkpointed and truncated afterwards, so the values are gone from the files, not only the rows.
    public func erasePersonalData(of reference: CandidateReference, by principal: Principal) async throws(StoreError) -> ErasureSummary {
        let summary = try await write { db -> ErasureSummary in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            let candidate = try Self.fetchCandidate(db, reference)
            guard let id = candidate.id else { throw StoreError.notFound(entity: "candidate", key: reference.description) }
            try Self.requireNotErased(db, candidate)
            let scorecardsOfRounds = "SELECT s.id FROM scorecard s JOIN round r ON r.id = s.round_id WHERE r.candidate_id = ?"
            try db.execute(
                sql: "UPDATE scorecard SET notes = '', amend_reason = NULL WHERE id IN (\(scorecardsOfRounds))", arguments: [id])
            let scorecards = db.changesCount
            try db.execute(sql: "UPDATE rating SET note = NULL WHERE note IS NOT NULL AND scorecard_id IN (\(scorecardsOfRounds))", arguments: [id])
            let ratingNotes = db.changesCount
            // Events about the candidate, their rounds and scorecards, and any other that quotes them.
            let quoting = "(instr(lower(ifnull(before, '') || ifnull(after, '')), lower(?)) > 0)"
            let name = candidate.name.count >= 4 ? candidate.name : candidate.email.value
            let erased = PersonalDataErasureMigration.erasedSummary
            try db.execute(
                sql: """
                    UPDATE audit_event SET
                        before = CASE WHEN before IS NULL THEN NULL ELSE '\(erased)' END,
                        after = CASE WHEN after IS NULL THEN NULL ELSE '\(erased)' END
                    WHERE (\(Self.aboutCandidate) OR \(quoting) OR \(quoting))
                        AND NOT (ifnull(before, '\(erased)') = '\(erased)' AND ifnull(after, '\(erased)') = '\(erased)')
                    """, arguments: [id, id, id, candidate.email.value, name])
            let auditEvents = db.changesCount
            try db.execute(
                sql:
                    "DELETE FROM idempotency_key WHERE instr(lower(CAST(body AS TEXT)), lower(?)) > 0 OR instr(lower(CAST(body AS TEXT)), lower(?)) > 0",
                arguments: [candidate.email.value, name])
            let replies = db.changesCount
            try db.execute(
                sql: """
                    UPDATE candidate SET name = ?, email = ?, phone = NULL, source = NULL, erased_at = ? WHERE id = ?
                    """, arguments: ["Erased candidate #\(id)", "erased-\(id)@erased.invalid", Date().storedPrecision, id])
            let result = ErasureSummary(
                candidateID: id, scorecards: scorecards, ratingNotes: ratingNotes, auditEvents: auditEvents, idempotentReplies: replies)
            try AuditLog.record(db, by: principal, action: "erase", entity: "candidate", entityID: id, after: result)
            return result
        }
        do {
            try await writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = OFF")
                if writer is DatabasePool { try db.checkpoint(.truncate) }
            }
        } catch {
            throw StoreError(mapping: error)
        }
        return summary
    }

    /// Refuses any change to a candidate whose personal data was erased (editing, moving, scheduling):
    /// an erased person stays anonymous, and their process stays closed.
    static func requireNotErased(_ db: Database, _ candidate: Candidate) throws {
        guard let id = candidate.id, try erasedAt(db, candidateID: id) != nil else { return }
        throw StoreError.invalid(
            FieldError(
                field: "candidate", "candidate #\(id)'s personal data was erased already; an erased candidate cannot be changed, moved or scheduled"))
    }

    /// When the candidate's personal data was erased; nil while it is held.
    private static func erasedAt(_ db: Database, candidateID: Int64) throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT erased_at FROM candidate WHERE id = ?", arguments: [candidateID])
    }

    /// The audit events about candidate `?` (bound three times): the candidate, their rounds, the
    /// scorecards of those rounds.
    private static let aboutCandidate = """
        ((entity = 'candidate' AND entity_id = ?)
         OR (entity = 'round' AND entity_id IN (SELECT id FROM round WHERE candidate_id = ?))
         OR (entity = 'scorecard' AND entity_id IN (SELECT s.id FROM scorecard s JOIN round r ON r.id = s.round_id WHERE r.candidate_id = ?)))
        """
}

/// A candidate whose process ended (rejected or withdrawn) longer ago than the retention period.
public struct RetentionDue: Sendable, Equatable, Encodable {
    public let candidateID: Int64
    public let stage: PipelineStage
    /// When they were moved to that stage (their creation, when they were added in it).
    public let closedAt: Date
}

extension AppDatabase {
    /// Candidates not yet erased who were rejected or withdrew before `cutoff`, oldest first. When they
    /// were closed is the time of their last stage move, from the audit log, else when they were added.
    public func candidatesDueForErasure(closedBefore cutoff: Date) async throws(StoreError) -> [RetentionDue] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, stage, closed_at FROM (
                        SELECT c.id, c.stage, ifnull((SELECT max(a.at) FROM audit_event a
                                WHERE a.entity = 'candidate' AND a.entity_id = c.id AND a.action = 'move'), c.created_at) AS closed_at
                        FROM candidate c WHERE c.erased_at IS NULL AND c.stage IN ('rejected', 'withdrawn'))
                    WHERE closed_at < ? ORDER BY closed_at, id
                    """, arguments: [cutoff.storedPrecision]
            ).map { row in
                RetentionDue(candidateID: row["id"], stage: try PipelineStage(parsing: row["stage"]), closedAt: row["closed_at"])
            }
        }
    }
}
