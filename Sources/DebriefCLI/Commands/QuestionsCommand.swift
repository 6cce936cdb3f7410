import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore

/// `debrief questions list|search`
struct QuestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions", abstract: "Browse and search the question bank.", subcommands: [List.self, Search.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Full-text search over question text and model answers.",
            discussion:
                "Every word must appear (the last, from three letters, may be the start of a word); the newest version of each set is searched unless --set names one."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The words to find, such as \"CAP theorem\".") var words: [String] = []
        @Option(help: "Only questions mapped to this competency.") var competency: String?
        @Option(help: "Only questions of this level (as the page gave it).") var level: String?
        @Option(help: "Only this set.") var set: Int64?
        @Option(help: "At most this many questions.") var limit: Int = 50
        @OptionGroup var output: FormatOptions

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be 1 or more, not \(limit)") }
        }

        func run() async throws {
            let query = QuestionQuery(
                text: words.joined(separator: " "), competency: competency, level: level, setID: set, limit: limit)
            let service = DebriefService(database: try database.open(), rubrics: nil)
            let result = try await service.searchQuestions(query, by: database.principal)
            try output.print(result.hits.map(\.question)) { _ in
                guard !result.hits.isEmpty else { return "No question matches." }
                let lines = result.hits.map { hit in
                    "#\(hit.question.id ?? 0) \(hit.setTitle) v\(hit.setVersion): \(hit.question.text)"
                }
                return (lines + [CountedNoun.matches(result.total, "question", shown: result.hits.count)]).joined(separator: "\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List imported question sets and their questions.")
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
