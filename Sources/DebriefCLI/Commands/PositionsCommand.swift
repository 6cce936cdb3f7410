import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore

/// `debrief positions add|list`
struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positions", abstract: "Add and list open positions.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a position scored against a rubric.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Option(help: "The position's title, such as \"Backend Engineer\".") var title: String
        @Option(help: "Seniority, such as senior.") var level: String?
        @Option(help: "The id of the rubric in Rubrics/ that scorecards use.") var rubric: String
        @OptionGroup var output: FormatOptions

        func validate() throws {
            try validatingFlags(makePosition)
        }

        func makePosition() throws(FieldError) -> Position {
            try Position(title: title, level: level, rubricID: rubric)
        }

        func run() async throws {
            let position = try await rubrics.service(database).addPosition(makePosition(), by: database.principal)
            try output.print(position) { "Added position #\($0.id ?? 0): \($0.title)" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List positions.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let positions = try await database.open().positions()
            try output.print(positions) { positions in
                var table = TextTable("ID", "TITLE", "LEVEL", "RUBRIC")
                for position in positions {
                    table.add("\(position.id ?? 0)", position.title, position.level ?? "", position.rubricID)
                }
                return table.rendered(emptyMessage: "No positions yet. Add one with: debrief positions add --title TITLE --rubric ID")
            }
        }
    }
}
