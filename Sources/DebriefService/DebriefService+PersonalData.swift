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
