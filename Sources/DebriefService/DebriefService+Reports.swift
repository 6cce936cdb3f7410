import DebriefCore
import DebriefReports

extension DebriefService {
    /// The position's dossier and its report: the one path from the database to a report.
    public func positionReport(_ positionID: Int64) async throws -> (dossier: PositionDossier, report: PositionReport) {
        let dossier = try await database.positionDossier(positionID: positionID)
        let current = try? rubrics?.rubric(dossier.position.rubricID)
        return (dossier, try PositionReportBuilder.build(dossier, currentRubric: current))
    }

    /// One candidate's report within a position; an unknown candidate is "no candidate #N".
    public func candidateReport(_ candidateID: Int64, position positionID: Int64) async throws -> CandidateReport {
        _ = try await database.candidate(.id(candidateID))
        let (dossier, report) = try await positionReport(positionID)
        return try CandidateReportBuilder.build(dossier, position: report, candidateID: candidateID)
    }

    /// One candidate's report, for the position given or the only one they interview for.
    public func candidateReport(_ reference: CandidateReference, position: Int64?) async throws -> CandidateReport {
        let person = try await database.candidate(reference)
        let candidateID = person.id ?? 0
        if let position { return try await candidateReport(candidateID, position: position) }
        let positions = Array(Set(try await database.rounds(candidateID: candidateID).map(\.positionID))).sorted()
        guard positions.count == 1 else { throw ServiceError.noPositionFor(candidate: person.name, positions: positions) }
        return try await candidateReport(candidateID, position: positions[0])
    }
}
