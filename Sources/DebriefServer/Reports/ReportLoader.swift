import DebriefCore
import DebriefReports
import DebriefStore

/// Loads a position's facts and builds its reports: the one path from the database to a report,
/// shared by the CLI's `debrief report` and the server's report pages.
public struct ReportLoader: Sendable {
    public let database: AppDatabase
    /// The rubrics folder as loaded; used only for positions whose scorecards recorded no version yet.
    public let rubrics: RubricCatalog?

    public init(database: AppDatabase, rubrics: RubricCatalog?) {
        self.database = database
        self.rubrics = rubrics
    }

    /// The position's dossier and its report.
    public func position(_ positionID: Int64) async throws -> (dossier: PositionDossier, report: PositionReport) {
        let dossier = try await database.positionDossier(positionID: positionID)
        let current = try? rubrics?.rubric(dossier.position.rubricID)
        return (dossier, try PositionReportBuilder.build(dossier, currentRubric: current))
    }

    /// One candidate's report within a position.
    public func candidate(_ candidateID: Int64, position positionID: Int64) async throws -> CandidateReport {
        _ = try await database.candidate(.id(candidateID))  // an unknown candidate is "no candidate #N", not "no rounds"
        let (dossier, report) = try await position(positionID)
        return try CandidateReportBuilder.build(dossier, position: report, candidateID: candidateID)
    }
}
