import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `debrief rounds schedule|change|list`
struct RoundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds", abstract: "Schedule, change and list interview rounds.", subcommands: [Schedule.self, Change.self, List.self])

    struct Change: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change",
            abstract: "Move a round to another time or change its panel.",
            discussion: "--interviewer, when given, is the whole new panel; whoever has a scorecard for the round stays on it.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The round's id.") var round: Int64
        @Option(help: "The new time, in ISO 8601 (UTC unless a zone is given).", transform: DateText.parse) var at: Date?
        @Option(name: .customLong("interviewer"), help: "An interviewer's email; repeat for the whole panel.", transform: { try EmailAddress($0) })
        var interviewers: [EmailAddress] = []
        @OptionGroup var output: FormatOptions

        func validate() throws {
            guard at != nil || !interviewers.isEmpty else { throw ValidationError("give --at, --interviewer or both") }
            guard Set(interviewers).count == interviewers.count else { throw ValidationError("an --interviewer is named twice") }
        }

        func run() async throws {
            let service = DebriefService(database: try database.open(), rubrics: nil)
            let current = try await service.database.round(id: round)
            var panel = interviewers
            if panel.isEmpty {
                for id in current.interviewerIDs { panel.append(try await service.database.user(id: id).email) }
            }
            let change = RoundChange(roundID: round, scheduledAt: at ?? current.scheduledAt, interviewers: panel)
            let stored = try await service.changeRound(change, by: database.principal)
            try output.print(stored) {
                "Round #\($0.id ?? 0) (\($0.kind)) is at \(DateText.string($0.scheduledAt)) with \($0.interviewerIDs.count) on its panel"
            }
        }
    }

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rounds, optionally for one candidate or position.")
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
