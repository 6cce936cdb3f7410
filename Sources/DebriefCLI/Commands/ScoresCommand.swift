import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `debrief scores import`
struct ScoresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "Bulk entry of ratings from spreadsheets.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a CSV of ratings, one per row, as submitted scorecards, all or nothing.",
            discussion: """
                Header: \(ScoreSheet.columns.joined(separator: ",")).
                Rows are grouped into scorecards by position, candidate, round and interviewer. Positions, candidates,
                interviewers and rounds that do not exist are reported, or created with --create-missing. Any bad row
                (reported with its line and column) and nothing is stored. Re-importing an unchanged file adds nothing.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The CSV file, or - for standard input.") var file: String
        @Flag(help: "Create positions, candidates, interviewers and rounds the file names but the database lacks.") var createMissing = false
        @Option(help: "The rubric for positions that --create-missing creates.") var rubric: String?
        @OptionGroup var output: FormatOptions

        func validate() throws {
            if rubric != nil && !createMissing { throw ValidationError("--rubric only applies with --create-missing") }
        }

        func run() async throws {
            let text = try InputFile.text(file)
            let sheet: ScoreSheet
            do { sheet = try ScoreSheet(csv: text) } catch {
                throw CLIError(error.description.replacingOccurrences(of: "\n  line ", with: "\n  \(file):"))
            }
            _ = try rubrics.catalog()
            let summary = try await rubrics.service(database).importScoreSheet(
                sheet, createMissing: createMissing, newPositionRubric: rubric, by: database.principal)
            try output.print(summary) { summary in "Imported \(file): " + summary.summary }
        }
    }
}
