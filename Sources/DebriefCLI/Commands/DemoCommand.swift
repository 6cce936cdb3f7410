import ArgumentParser
import DebriefCore
import DebriefImport
import DebriefStore
import Foundation

/// `debrief demo generate`
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill a database with demo data.", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Generate a realistic pipeline: users, positions, candidates at every stage and their rounds.",
            discussion: "The same seed always gives the same data. The database must not hold candidates yet.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Option(help: "How many candidates.") var candidates: Int = 40
        @Option(help: "How many interviewers.") var interviewers: Int = 6
        @Option(help: "The random seed.") var seed: UInt64 = 1
        @Option(help: .hidden, transform: DateText.parse) var today: Date?
        @Option(
            help:
                "A question page to import into the bank, so interviewers rate questions asked (none to skip; default: the seed page beside the rubrics folder, \(Self.seedPage))."
        )
        var questions: String?

        static let seedPage = "../Fixtures/questionsets/backend-interview-questions.html"

        /// The page to import: --questions, else the seed page next to the rubrics folder; nil for none.
        var questionPage: String? {
            if questions == "none" { return nil }
            return questions ?? URL(fileURLWithPath: rubrics.resolvedDirectory).absoluteURL.appendingPathComponent(Self.seedPage).standardized.path
        }

        func validate() throws {
            if let page = questionPage, !FileManager.default.fileExists(atPath: page) {
                throw ValidationError(
                    "the question page \(page) does not exist; pass --questions PATH, or --questions none for a demo without a question bank")
            }
            guard (1...100_000).contains(candidates) else { throw ValidationError("--candidates must be between 1 and 100000") }
            guard (1...500).contains(interviewers) else { throw ValidationError("--interviewers must be between 1 and 500") }
        }

        func run() async throws {
            let store = try database.open()
            guard try await store.candidates().isEmpty else {
                throw CLIError("\(database.resolvedPath) already holds candidates; generate demo data into a new database file")
            }
            let now = today ?? Date()
            let catalog = try rubrics.catalog()
            let plan = try DemoPipeline(candidates: candidates, interviewers: interviewers, seed: seed, now: now)
            let by = database.principal
            var users: [User] = []
            for user in plan.users { users.append(try await store.addUser(user, by: by)) }
            var positions: [Position] = []
            for position in plan.positions { positions.append(try await store.addPosition(position, by: by)) }
            var stored: [Candidate] = []
            for candidate in plan.candidates { stored.append(try await store.addCandidate(candidate, by: by)) }
            let (bank, kit) = try await importQuestions(into: store, catalog: catalog)
            var rounds: [Round] = []
            for planned in plan.rounds {
                let position = positions[planned.positionIndex]
                let round = try Round(
                    candidateID: stored[planned.candidateIndex].id ?? 0, positionID: position.id ?? 0,
                    kind: planned.kind, scheduledAt: planned.scheduledAt,
                    interviewerIDs: planned.interviewerIndexes.map { users[$0].id ?? 0 },
                    questionSetID: planned.kind == .technical && position.rubricID == "backend-engineer" ? kit : nil)
                rounds.append(try await store.scheduleRound(round, rubric: try catalog.rubric(position.rubricID), by: by))
            }
            let scorecards = DemoScorecards.plan(plan, rubrics: catalog.rubrics, questions: bank, seed: seed, now: now)
            for planned in scorecards {
                let round = rounds[planned.roundIndex]
                let rubric = try catalog.rubric(positions.first { $0.id == round.positionID }!.rubricID)
                let card = try Scorecard(
                    roundID: round.id ?? 0, interviewerID: users[planned.interviewerIndex].id ?? 0, state: .submitted, rubricID: rubric.id,
                    rubricHash: rubric.contentHash, scale: rubric.ratingScale, ratings: planned.ratings, recommendation: planned.recommendation,
                    notes: planned.notes, submittedAt: round.scheduledAt.addingTimeInterval(3_600))
                _ = try await store.saveScorecard(card, rubric: rubric, by: by)
            }
            for (candidate, path) in zip(stored, plan.moves) {
                for stage in path { _ = try await store.moveCandidate(.id(candidate.id ?? 0), to: stage, by: by) }
            }
            Console.current.line(
                "Generated \(users.count) users, \(positions.count) positions, \(stored.count) candidates, \(plan.rounds.count) rounds and \(scorecards.count) scorecards in \(database.resolvedPath)"
            )
        }

        /// Imports the question page once per rubric that has keywords for it; competency → question ids per
        /// rubric, and the set's id (the kit of the backend positions' technical rounds).
        private func importQuestions(into store: AppDatabase, catalog: RubricCatalog) async throws -> ([String: [String: [Int64]]], Int64?) {
            guard let page = questionPage else { return ([:], nil) }
            let data = try InputFile.data(page)
            guard let rubric = catalog.rubrics.first(where: { $0.id == "backend-engineer" }) ?? catalog.rubrics.first else { return ([:], nil) }
            let found = try QuestionSetImporter(rubric: rubric).extract(data, source: page)
            let set: QuestionSet
            switch try await store.importQuestionSet(
                found.questionSet(contentHash: ImportedQuestionSet.contentHash(of: data)), by: database.principal)
            {
            case .stored(let stored): set = stored
            case .unchanged(let existing): set = existing
            }
            var byCompetency: [String: [Int64]] = [:]
            for question in set.questions {
                guard let id = question.id, let first = question.competencies.first else { continue }
                byCompetency[first, default: []].append(id)
            }
            return ([rubric.id: byCompetency], set.id)
        }
    }
}
