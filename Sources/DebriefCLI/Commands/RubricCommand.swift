import ArgumentParser
import DebriefCore
import DebriefService
import Foundation

/// `debrief rubric validate|list|show`
struct RubricCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric", abstract: "Check and read the YAML rubrics that scorecards use.", subcommands: [Validate.self, List.self, Show.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate", abstract: "Check rubric files; prints file:line: what to fix for each broken one.")
        @Argument(help: "Rubric files to check.") var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one rubric file") }
        }

        func run() async throws {
            var broken = 0
            for path in files {
                do {
                    let rubric = try RubricCatalog(files: [(path, try RubricFolder.text(of: path))]).rubrics[0]
                    Console.current.line(
                        "ok  \(path): \(rubric.id) v\(rubric.version), \(rubric.competencies.count) competencies, \(rubric.rounds.count) round kinds")
                } catch {
                    broken += 1
                    Console.current.errorLine("error: \(error)")
                }
            }
            if broken > 0 { throw ExitCode.failure }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rubrics in the rubrics folder.")
        @OptionGroup var rubrics: RubricOptions
        @OptionGroup var output: FormatOptions

        struct Entry: Encodable {
            let id: String, title: String, version: String, competencies: Int, contentHash: String
        }

        func run() async throws {
            let entries = try rubrics.catalog().rubrics.map {
                Entry(id: $0.id, title: $0.title, version: $0.version, competencies: $0.competencies.count, contentHash: $0.contentHash)
            }
            try output.print(entries) { entries in
                var table = TextTable("ID", "TITLE", "VERSION", "COMPETENCIES")
                for entry in entries { table.add(entry.id, entry.title, entry.version, "\(entry.competencies)") }
                return table.rendered(emptyMessage: "No rubrics in \(rubrics.resolvedDirectory).")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a rubric: scale, competencies with weights and anchors, rounds, thresholds.")
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The rubric's id.") var id: String
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let rubric = try rubrics.catalog().rubric(id)
            try output.print(RubricView(rubric)) { RubricView.text($0) }
        }
    }
}
