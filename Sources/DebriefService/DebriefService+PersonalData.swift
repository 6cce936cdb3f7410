import DebriefCore
import DebriefStore
import Foundation

extension DebriefService {
    /// Everything Debrief holds about a candidate, for a subject access request. It holds every
    /// interviewer's notes, so it is open to those who read reports and manage the pipeline.
    public func personalData(of candidate: CandidateReference, by principal: Principal) async throws -> PersonalDataExport {
        try require(.readReports, principal)
        try require(.managePipeline, principal)
        return try await database.personalData(of: candidate)
    }

    /// Erases a candidate's personal data everywhere, keeping anonymised ratings (admins; cannot be undone).
    public func erasePersonalData(of candidate: CandidateReference, by principal: Principal) async throws -> ErasureSummary {
        try require(.operateDatabase, principal)
        return try await database.erasePersonalData(of: candidate, by: principal)
    }
}

extension DebriefService {
    /// Candidates rejected or withdrawn more than `days` days before `now`, whose data retention ends.
    public func candidatesDueForErasure(retentionDays days: Int, now: Date = Date(), by principal: Principal) async throws -> [RetentionDue] {
        try require(.operateDatabase, principal)
        guard days >= 1 else { throw FieldError(field: "retention", "the retention period must be 1 day or more, not \(days)") }
        return try await database.candidatesDueForErasure(closedBefore: now.addingTimeInterval(-Double(days) * 86_400))
    }

    /// Erases every candidate `candidatesDueForErasure` lists, one transaction each, and says what each erasure did.
    public func applyRetention(retentionDays days: Int, now: Date = Date(), by principal: Principal) async throws -> [ErasureSummary] {
        var erased: [ErasureSummary] = []
        for due in try await candidatesDueForErasure(retentionDays: days, now: now, by: principal) {
            erased.append(try await database.erasePersonalData(of: .id(due.candidateID), by: principal))
        }
        return erased
    }
}
