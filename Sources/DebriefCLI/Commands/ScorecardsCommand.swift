import ArgumentParser
import DebriefCore
import DebriefStore
import Foundation

/// `debrief scorecards submit|show`
struct ScorecardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecards", abstract: "Submit and read interviewers' scorecards.", subcommands: [Submit.self, Show.self])

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit (or save as a draft) an interviewer's scorecard for a round.",
            discussion: """
                Ratings come from flags or from --file (YAML or JSON with round, interviewer, recommendation, notes,
                ratings: {competency: point|none}, questions: [{question, competency, rating, note}]); flags win.
                Submitting over a submitted scorecard stores an amendment as its next version.
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
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let form = try ScorecardForm.merge(file: file.map(ScorecardForm.load), path: file, flags: self)
            let store = try database.open()
            let round = try await store.round(id: form.round)
            let position = try await store.position(id: round.positionID)
            let rubric = try rubrics.catalog().rubric(position.rubricID)
            let interviewer = try await store.user(email: form.interviewer)
            let scorecard = try Scorecard(
                roundID: form.round, interviewerID: interviewer.id ?? 0, state: draft ? .draft : .submitted, rubricID: rubric.id,
                rubricHash: rubric.contentHash, scale: rubric.ratingScale, ratings: form.ratings, recommendation: form.recommendation,
                notes: form.notes ?? "", submittedAt: draft ? nil : Date())
            let stored = try await store.saveScorecard(scorecard, rubric: rubric, by: database.principal)
            try output.print(stored) { card in
                let what = "\(interviewer.email)'s scorecard for round #\(card.roundID) (\(round.kind))"
                switch (card.state, card.version) {
                case (.draft, _): return "Saved a draft of \(what)"
                case (_, 1): return "Submitted \(what)"
                default: return "Submitted amendment v\(card.version) of \(what)"
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a round's scorecards.",
            discussion: "With --as EMAIL, show what that user may see: interviewers see colleagues' scorecards only after submitting their own.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The round's id.") var round: Int64
        @Option(name: .customLong("as"), help: "Show what this user may see.", transform: { try EmailAddress($0) }) var viewer: EmailAddress?
        @Flag(help: "Show every version, not only the current one.") var history = false
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let store = try database.open()
            let principal = try await viewer.asyncMap { Principal(user: try await store.user(email: $0)) } ?? database.principal
            var cards = ScorecardRules.visible(try await store.scorecards(roundID: round), to: principal)
            if !history {
                let latest = Dictionary(grouping: cards, by: \.interviewerID).mapValues { $0.map(\.version).max() ?? 0 }
                cards = cards.filter { $0.version == latest[$0.interviewerID] }
            }
            let users = Dictionary(uniqueKeysWithValues: try await store.users().map { ($0.id ?? 0, $0) })
            try output.print(cards) { cards in
                ScorecardText.render(cards, users: users, emptyMessage: "No scorecards you may see for round #\(round).")
            }
        }
    }
}
