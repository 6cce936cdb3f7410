import ArgumentParser
import DebriefCore
import DebriefReports
import DebriefStore

/// `debrief report position`
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Scores, rankings, agreement and calibration.", subcommands: [Position.self])

    /// The formats reports come in so far.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case text
    }

    struct Position: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on a position: every candidate's score, rank and flags, interviewer agreement and calibration.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The position's id.") var id: Int64
        @Option(help: "Output format: json or text.") var format: Format = .json

        func run() async throws {
            let store = try database.open()
            let dossier = try await store.positionDossier(positionID: id)
            let current = try? rubrics.catalog().rubric(dossier.position.rubricID)
            let report = try PositionReportBuilder.build(dossier, currentRubric: current)
            switch format {
            case .json: Console.current.line(try JSONOutput.string(report))
            case .text: Console.current.line(PositionReportText.render(report))
            }
        }
    }
}
