import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore

/// `debrief candidates add|list|show|move|export|erase`
struct CandidatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates", abstract: "Track candidates along the hiring pipeline.",
        subcommands: [Add.self, List.self, Show.self, Move.self, Export.self, Erase.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a candidate (stage: applied).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Full name.") var name: String
        @Option(help: "Email address; unique among candidates.", transform: { try EmailAddress($0) }) var email: EmailAddress
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "Where the candidate came from: referral, job board, ...") var source: String?
        @OptionGroup var output: FormatOptions

        func validate() throws {
            try validatingFlags(makeCandidate)
        }

        func makeCandidate() throws(FieldError) -> Candidate {
            try Candidate(name: name, email: email, phone: phone, source: source)
        }

        func run() async throws {
            let candidate = try await database.open().addCandidate(makeCandidate(), by: database.principal)
            try output.print(candidate) { "Added candidate #\($0.id ?? 0): \($0.name) <\($0.email)>, stage \($0.stage.rawValue)" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List candidates, optionally in one stage.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only candidates in this stage.", transform: { try PipelineStage(parsing: $0) }) var stage: PipelineStage?
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let candidates = try await database.open().candidates(stage: stage)
            try output.print(candidates) { candidates in
                var table = TextTable("ID", "NAME", "EMAIL", "STAGE", "SOURCE")
                for candidate in candidates {
                    table.add("\(candidate.id ?? 0)", candidate.name, candidate.email.value, candidate.stage.rawValue, candidate.source ?? "")
                }
                return table.rendered(emptyMessage: "No candidates\(stage.map { " in stage \($0.rawValue)" } ?? "").")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one candidate with their rounds.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) })
        var candidate: CandidateReference
        @OptionGroup var output: FormatOptions

        struct Details: Encodable {
            let candidate: Candidate
            let rounds: [RoundSummary]
        }

        func run() async throws {
            let store = try database.open()
            let found = try await store.candidate(candidate)
            let rounds = try await RoundSummary.load(store, candidateID: found.id)
            try output.print(Details(candidate: found, rounds: rounds)) { details in
                let person = details.candidate
                var lines = [
                    "\(person.name) <\(person.email)>  #\(person.id ?? 0)",
                    "Stage:   \(person.stage.rawValue)",
                    "Phone:   \(person.phone ?? "-")",
                    "Source:  \(person.source ?? "-")",
                    "Added:   \(DateText.string(person.createdAt))",
                    "",
                ]
                lines.append(RoundSummary.table(details.rounds, emptyMessage: "No rounds scheduled."))
                return lines.joined(separator: "\n")
            }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a candidate to another stage.",
            discussion: "applied → screening → interviewing → offer → hired; any open stage → rejected or withdrawn; "
                + "rejected or withdrawn → screening to reopen.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) })
        var candidate: CandidateReference
        @Option(help: "The new stage.", transform: { try PipelineStage(parsing: $0) }) var to: PipelineStage
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let moved = try await database.open().moveCandidate(candidate, to: to, by: database.principal)
            try output.print(moved) { "Moved \($0.name) to \($0.stage.rawValue)" }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Everything Debrief holds about a candidate, as JSON (a subject access request).",
            discussion:
                "The record, every round with its position and panel, every scorecard version with ratings and notes, and every audit event about them."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) })
        var candidate: CandidateReference

        func run() async throws {
            let service = DebriefService(database: try database.open(), rubrics: nil)
            let export = try await service.personalData(of: candidate, by: database.principal)
            Console.current.line(try JSONText.string(export))
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a candidate's personal data everywhere, keeping anonymised ratings (cannot be undone).",
            discussion: """
                Name, email, phone and source; scorecard notes, amendment reasons and rating notes about them; the audit log's \
                summaries that show or quote them; stored API replies that quote them. Ratings, rounds and stages stay, so \
                statistics stay valid. Erased bytes are overwritten in the database file and its write-ahead log. Needs --yes.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) })
        var candidate: CandidateReference
        @Flag(help: "Confirm: the erasure cannot be undone.") var yes = false
        @OptionGroup var output: FormatOptions

        func validate() throws {
            guard yes else { throw ValidationError("erasing cannot be undone; add --yes to confirm") }
        }

        func run() async throws {
            let service = DebriefService(database: try database.open(), rubrics: nil)
            let summary = try await service.erasePersonalData(of: candidate, by: database.principal)
            try output.print(summary) {
                "Erased the personal data of candidate #\($0.candidateID): \(CountedNoun.phrase($0.scorecards, "scorecard")) and "
                    + "\(CountedNoun.phrase($0.ratingNotes, "rating note")) cleared, \(CountedNoun.phrase($0.auditEvents, "audit summary", plural: "audit summaries")) blanked, "
                    + "\(CountedNoun.phrase($0.idempotentReplies, "stored reply", plural: "stored replies")) removed; ratings kept."
            }
        }
    }
}
