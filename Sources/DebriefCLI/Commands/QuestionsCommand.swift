import ArgumentParser
import DebriefCore
import DebriefStore

/// `debrief questions list`
struct QuestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions", abstract: "Browse the question bank.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List imported question sets and their questions.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this set.") var set: Int64?
        @Option(help: "Only questions mapped to this competency.") var competency: String?
        @OptionGroup var output: FormatOptions

        func run() async throws {
            var sets = try await database.open().questionSets()
            if let set {
                sets = sets.filter { $0.id == set }
                guard !sets.isEmpty else { throw StoreError.notFound(entity: "question set", key: "#\(set)") }
            }
            if let competency {
                sets = sets.map { set in
                    var filtered = set
                    filtered.questions = set.questions.filter { $0.competencies.contains(competency) }
                    return filtered
                }
            }
            try output.print(sets) { sets in
                guard !sets.isEmpty else { return "The question bank is empty. Import a page with: debrief import FILE.html" }
                return sets.map { set in
                    (["Set #\(set.id ?? 0) v\(set.version): \(set.title) (\(set.source)), \(set.questions.count) questions"]
                        + set.questions.map { question in
                            let mapped = question.competencies.isEmpty ? "" : "  {\(question.competencies.joined(separator: ", "))}"
                            return "  #\(question.id ?? 0) [\(question.ordinal)] \(question.text)\(mapped)"
                        }).joined(separator: "\n")
                }.joined(separator: "\n\n")
            }
        }
    }
}
