import DebriefCore
import DebriefReports
import DebriefStore
import Foundation

/// A round as the candidate's page lists it: its position, its panel with each member's scorecard
/// state, and the question set that is its kit.
public struct RoundOverview: Sendable {
    public let round: Round
    public let positionTitle: String
    public let panel: [(person: User, scorecard: ScorecardState?)]
    public let questionSetTitle: String?
}

/// Everything a recruiter works with on one candidate's page.
public struct CandidateFile: Sendable {
    public let candidate: Candidate
    public let rounds: [RoundOverview]
    /// The candidate's report for each position they have rounds for, or why it could not be made.
    public let reports: [(positionID: Int64, report: Result<CandidateReport, ServiceFailure>)]
    /// What a new round can be: the positions with the round kinds their rubrics plan.
    public let positions: [(position: Position, kinds: [RoundKind])]
    /// The people who can sit on a panel: every user who may sign in.
    public let people: [User]
    public let questionSets: [QuestionSetSummary]
}

/// A change to a candidate's details, as a JSON merge patch says it: nil leaves a field as it is;
/// `.some(nil)` clears an optional one. The stage moves only through the pipeline (`moveCandidate`).
public struct CandidateEdit: Sendable, Equatable {
    public var name: String?
    public var email: EmailAddress?
    public var phone: String??
    public var source: String??

    public init(name: String? = nil, email: EmailAddress? = nil, phone: String?? = nil, source: String?? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.source = source
    }

    /// `candidate` with this edit applied, checked by the same rules as a new candidate.
    public func applied(to candidate: Candidate) throws(FieldError) -> Candidate {
        try Candidate(
            id: candidate.id, name: name ?? candidate.name, email: email ?? candidate.email, phone: phone ?? candidate.phone,
            source: source ?? candidate.source, stage: candidate.stage, createdAt: candidate.createdAt)
    }
}

/// A use case's failure as words, for a page that shows the rest of what it could load.
public struct ServiceFailure: Error, Sendable {
    public let message: String
}

/// A change of a round's time or panel, people by email.
public struct RoundChange: Sendable {
    public var roundID: Int64
    public var scheduledAt: Date
    public var interviewers: [EmailAddress]
    /// Checks the stored round before anything changes (a caller's `If-Match`); throwing refuses the change.
    public var precondition: @Sendable (Round) throws -> Void

    public init(roundID: Int64, scheduledAt: Date, interviewers: [EmailAddress], precondition: @escaping @Sendable (Round) throws -> Void = { _ in })
    {
        self.roundID = roundID
        self.scheduledAt = scheduledAt
        self.interviewers = interviewers
        self.precondition = precondition
    }
}

extension DebriefService {
    /// The pipeline grouped by stage, as `filter` narrows it, with up to `perStage` names per stage.
    public func pipeline(_ filter: CandidateFilter, perStage: Int = 25, by principal: Principal) async throws -> PipelineView {
        try require(.managePipeline, principal)
        return try await database.pipeline(filter, perStage: perStage)
    }

    /// Adds a candidate; a taken email is a `duplicate` on the email field.
    public func addCandidate(_ candidate: Candidate, by principal: Principal) async throws -> Candidate {
        try require(.managePipeline, principal)
        return try await database.addCandidate(candidate, by: principal)
    }

    /// Moves a candidate along the pipeline; moves it forbids are refused with the ones it allows.
    public func moveCandidate(_ reference: CandidateReference, to stage: PipelineStage, by principal: Principal) async throws -> Candidate {
        try require(.managePipeline, principal)
        return try await database.moveCandidate(reference, to: stage, by: principal)
    }

    /// Changes a round's time or panel; people with a scorecard for it stay on the panel.
    public func changeRound(_ change: RoundChange, by principal: Principal) async throws -> Round {
        try require(.managePipeline, principal)
        var interviewerIDs: [Int64] = []
        for email in change.interviewers { interviewerIDs.append(try await database.user(email: email).id ?? 0) }
        return try await database.changeRound(
            id: change.roundID, scheduledAt: change.scheduledAt, interviewerIDs: interviewerIDs, by: principal, precondition: change.precondition)
    }

    /// One page of candidates in a stable order, as `query` filters and sorts them.
    public func candidates(_ query: CandidateListQuery, by principal: Principal) async throws -> (candidates: [Candidate], more: Bool) {
        try require(.managePipeline, principal)
        return try await database.candidates(query)
    }

    /// One candidate's record.
    public func candidate(_ id: Int64, by principal: Principal) async throws -> Candidate {
        try require(.managePipeline, principal)
        return try await database.candidate(.id(id))
    }

    /// Changes a candidate's details; `precondition` sees the stored candidate first (a caller's
    /// `If-Match`) and may refuse. A taken email is a `duplicate`.
    public func updateCandidate(
        _ id: Int64, _ edit: CandidateEdit, by principal: Principal, precondition: @escaping @Sendable (Candidate) throws -> Void = { _ in }
    ) async throws -> Candidate {
        try require(.managePipeline, principal)
        return try await database.updateCandidate(id: id, by: principal, precondition: precondition) { try edit.applied(to: $0) }
    }

    /// One candidate with their rounds, panels and reports, and what a new round could be.
    public func candidateFile(_ candidateID: Int64, by principal: Principal) async throws -> CandidateFile {
        try require(.managePipeline, principal)
        let candidate = try await database.candidate(.id(candidateID))
        let rounds = try await database.rounds(candidateID: candidateID)
        let states = try await database.scorecardStates(roundIDs: rounds.compactMap(\.id))
        let users = try await database.accounts()
        let byID = Dictionary(users.map { ($0.user.id ?? 0, $0.user) }) { first, _ in first }
        let positions = try await database.positions()
        let titles = Dictionary(positions.map { ($0.id ?? 0, $0.title) }) { first, _ in first }
        let sets = try await database.questionSetSummaries()
        let setTitles = Dictionary(sets.map { ($0.id, $0.title) }) { first, _ in first }
        let overviews = rounds.map { round in
            RoundOverview(
                round: round, positionTitle: titles[round.positionID] ?? "#\(round.positionID)",
                panel: round.interviewerIDs.compactMap { id in byID[id].map { ($0, states[round.id ?? 0]?[id]) } },
                questionSetTitle: round.questionSetID.flatMap { setTitles[$0] })
        }
        var reports: [(Int64, Result<CandidateReport, ServiceFailure>)] = []
        for positionID in Array(Set(rounds.map(\.positionID))).sorted() {
            do {
                reports.append((positionID, .success(try await candidateReport(candidateID, position: positionID))))
            } catch {
                reports.append((positionID, .failure(ServiceFailure(message: "\(error)"))))
            }
        }
        let plannable = positions.map { position in
            (position, (try? rubric(position.rubricID))?.rounds.map(\.kind) ?? [])
        }
        return CandidateFile(
            candidate: candidate, rounds: overviews, reports: reports, positions: plannable,
            people: users.filter { !$0.deactivated }.map(\.user), questionSets: sets)
    }
}
