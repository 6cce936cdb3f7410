import DebriefCore
import Foundation

/// A round on an interviewer's list: what it is and where their scorecard stands.
public struct InterviewSummary: Sendable {
    public let round: Round
    public let candidateName: String
    public let positionTitle: String
    /// The state of the viewer's latest scorecard for the round; nil before they start one.
    public let myScorecard: ScorecardState?
}

/// A round as its interview kit: who, for what, which competencies with their anchors, the viewer's
/// own scorecard and the colleagues' scorecards the viewer may read.
public struct RoundKit: Sendable {
    public let round: Round
    public let candidateName: String
    public let positionTitle: String
    public let rubric: Rubric
    /// The competencies this kind of round covers, in the plan's order.
    public let competencies: [Competency]
    /// The viewer's latest scorecard (draft or submitted), if any.
    public let mine: Scorecard?
    /// Colleagues' submitted scorecards, only once the viewer may read them (see `ScorecardRules.visible`).
    public let colleagues: [Scorecard]
    public let people: [Int64: User]
    /// The round's question set, the kit's questions with their model answers; nil when none was chosen.
    public let questions: QuestionSet?
}

extension DebriefService {
    /// The rounds whose panel the principal sits on: those still waiting for their scorecard first,
    /// oldest due first; then the ones they have submitted.
    public func interviews(for principal: Principal) async throws -> [InterviewSummary] {
        guard let userID = principal.userID else { return [] }
        let rounds = try await database.rounds(interviewerID: userID)
        // Three reads whatever the number of rounds: the candidates named, the positions, and the
        // state of each of the person's scorecards.
        let candidates = Dictionary(try await database.candidates(ids: rounds.map(\.candidateID)).map { ($0.id ?? 0, $0.name) }) { first, _ in first }
        let positions = Dictionary(try await database.positions().map { ($0.id ?? 0, $0.title) }) { first, _ in first }
        let states = try await database.scorecardStates(roundIDs: rounds.compactMap(\.id))
        let summaries = rounds.map { round in
            InterviewSummary(
                round: round, candidateName: candidates[round.candidateID] ?? "#\(round.candidateID)",
                positionTitle: positions[round.positionID] ?? "#\(round.positionID)", myScorecard: states[round.id ?? 0]?[userID])
        }
        return summaries.filter { $0.myScorecard != .submitted } + summaries.filter { $0.myScorecard == .submitted }
    }

    /// A round's kit for the principal; refused unless the access policy lets them open the round.
    public func roundKit(_ roundID: Int64, for principal: Principal) async throws -> RoundKit {
        let round = try await database.round(id: roundID)
        try require(.openRound(panel: round.interviewerIDs), principal)
        let position = try await database.position(id: round.positionID)
        let rubric = try rubric(position.rubricID)
        let plan = try rubric.requirePlan(for: round.kind)
        let visible = try await scorecards(roundID: roundID, visibleTo: principal, history: false)
        let mine = visible.first { $0.interviewerID == principal.userID }
        var questions: QuestionSet?
        if let setID = round.questionSetID { questions = try await database.questionSet(id: setID) }
        let people = Dictionary(try await database.users().map { ($0.id ?? 0, $0) }) { first, _ in first }
        return RoundKit(
            round: round, candidateName: try await database.candidate(.id(round.candidateID)).name, positionTitle: position.title,
            rubric: rubric, competencies: plan.competencies.compactMap(rubric.competency), mine: mine,
            colleagues: visible.filter { $0.interviewerID != principal.userID && $0.state == .submitted }
                .sorted { $0.interviewerID < $1.interviewerID },
            people: people, questions: questions)
    }
}
