import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `debrief rounds schedule|list`
struct RoundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds", abstract: "Schedule and list interview rounds.", subcommands: [Schedule.self, List.self])

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule a round for a candidate.", discussion: "The round's kind must be one the position's rubric plans.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Option(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) })
        var candidate: CandidateReference
        @Option(help: "The position's id.") var position: Int64
        @Option(help: "phone_screen, technical, system_design, hr, or a kind your rubric defines.", transform: { try RoundKind(parsing: $0) })
        var kind: RoundKind
        @Option(help: "When, in ISO 8601 (UTC unless a zone is given), such as 2026-12-01T14:30Z.", transform: DateText.parse)
        var at: Date
        @Option(name: .customLong("interviewer"), help: "An interviewer's email; repeat for a panel.", transform: { try EmailAddress($0) })
        var interviewers: [EmailAddress] = []
        @Option(name: .customLong("question-set"), help: "The id of a question set in the bank, as the round's interview kit.")
        var questionSet: Int64?
        @OptionGroup var output: FormatOptions

        func validate() throws {
            if let questionSet, questionSet < 1 { throw ValidationError("--question-set takes a set's id (see debrief questions list)") }
            guard !interviewers.isEmpty else { throw ValidationError("name at least one --interviewer EMAIL") }
            guard Set(interviewers).count == interviewers.count else { throw ValidationError("an --interviewer is named twice") }
        }

        func run() async throws {
            let request = RoundRequest(
                candidate: candidate, positionID: position, kind: kind, scheduledAt: at, interviewers: interviewers, questionSetID: questionSet)
            let (stored, found) = try await rubrics.service(database).scheduleRound(request, by: database.principal)
            try output.print(stored) { "Scheduled \($0.kind) round #\($0.id ?? 0) for \(found.name) at \(DateText.string($0.scheduledAt))" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rounds, optionally for one candidate or position.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this candidate's rounds (id or email).", transform: { try CandidateReference(parsing: $0) })
        var candidate: CandidateReference?
        @Option(help: "Only this position's rounds.") var position: Int64?
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let store = try database.open()
            let candidateID = try await candidate.asyncMap { try await store.candidate($0).id }
            let rounds = try await RoundSummary.load(store, candidateID: candidateID ?? nil, positionID: position)
            try output.print(rounds) { RoundSummary.table($0, emptyMessage: "No rounds scheduled.") }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
