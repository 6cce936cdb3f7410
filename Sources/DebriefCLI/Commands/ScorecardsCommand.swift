import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `debrief scorecards submit|show`
struct ScorecardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecards", abstract: "Submit and read interviewers' scorecards.", subcommands: [Submit.self, Show.self])

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Submit (or save as a draft) an interviewer's scorecard for a round.",
            discussion: """
                Ratings come from flags or from --file (YAML or JSON with round, interviewer, recommendation, notes,
                ratings: {competency: point|none}, questions: [{question, competency, rating, note}]); flags win.
                Submitting over a submitted scorecard stores an amendment as its next version, which needs --reason.
                --entered-by names the recruiter who typed in a scorecard for the interviewer; reports show it.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Option(help: "A YAML or JSON scorecard file.") var file: String?
        @Option(help: "The round's id.") var round: Int64?
        @Option(help: "The interviewer's email.", transform: { try EmailAddress($0) }) var interviewer: EmailAddress?
        @Option(
            name: .customLong("rating"), help: "COMPETENCY=POINT or COMPETENCY=none; repeat per competency.",
            transform: { try RatingArgument.parse($0, perQuestion: false) })
        var ratings: [Rating] = []
        @Option(
            name: .customLong("question-rating"), help: "QUESTION_ID:COMPETENCY=POINT for a question asked; repeatable.",
            transform: { try RatingArgument.parse($0, perQuestion: true) })
        var questionRatings: [Rating] = []
        @Option(help: "strong_no, no, yes, strong_yes or no_decision.", transform: { try Recommendation(parsing: $0) })
        var recommendation: Recommendation?
        @Option(help: "Free-text notes.") var notes: String?
        @Flag(help: "Save as a draft instead of submitting.") var draft = false
        @Option(help: "Why a submitted scorecard is amended (required for an amendment).") var reason: String?
        @Option(
            name: .customLong("entered-by"), help: "The user who entered the scorecard for the interviewer.",
            transform: { try EmailAddress($0) })
        var enteredBy: EmailAddress?
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let form = try ScorecardForm.merge(file: file.map(ScorecardForm.load), path: file, flags: self)
            let submission = ScorecardSubmission(
                roundID: form.round, interviewer: form.interviewer, ratings: form.ratings, recommendation: form.recommendation, notes: form.notes,
                draft: draft, enteredBy: enteredBy, amendReason: reason)
            let saved = try await rubrics.service(database).submitScorecard(submission, by: database.principal)
            try output.print(saved.scorecard) { _ in saved.summary }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a round's scorecards.",
            discussion: "With --as EMAIL, show what that user may see: interviewers see colleagues' scorecards only after submitting their own.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Option(help: "The round's id.") var round: Int64
        @Option(name: .customLong("as"), help: "Show what this user may see.", transform: { try EmailAddress($0) }) var viewer: EmailAddress?
        @Flag(help: "Show every version, not only the current one.") var history = false
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let service = try rubrics.service(database)
            let store = service.database
            let principal = try await viewer.asyncMap { Principal(user: try await store.user(email: $0)) } ?? database.principal
            let cards = try await service.scorecards(roundID: round, visibleTo: principal, history: history)
            let users = Dictionary(uniqueKeysWithValues: try await store.users().map { ($0.id ?? 0, $0) })
            try output.print(cards) { cards in
                ScorecardText.render(cards, users: users, emptyMessage: "No scorecards you may see for round #\(round).")
            }
        }
    }
}
