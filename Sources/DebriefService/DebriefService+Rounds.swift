import DebriefCore
import Foundation

/// A round as a front end asks for it: people by email, the candidate by id or email.
public struct RoundRequest: Sendable {
    public var candidate: CandidateReference
    public var positionID: Int64
    public var kind: RoundKind
    public var scheduledAt: Date
    public var interviewers: [EmailAddress]
    /// The question set from the bank that is the round's kit.
    public var questionSetID: Int64?

    public init(
        candidate: CandidateReference, positionID: Int64, kind: RoundKind, scheduledAt: Date, interviewers: [EmailAddress],
        questionSetID: Int64? = nil
    ) {
        self.candidate = candidate
        self.positionID = positionID
        self.kind = kind
        self.scheduledAt = scheduledAt
        self.interviewers = interviewers
        self.questionSetID = questionSetID
    }
}

extension DebriefService {
    /// Schedules a round under the position's rubric (which must plan its kind) for a candidate whose
    /// process is open; returns the stored round and the candidate.
    public func scheduleRound(_ request: RoundRequest, by principal: Principal) async throws -> (round: Round, candidate: Candidate) {
        try require(.managePipeline, principal)
        let candidate = try await database.candidate(request.candidate)
        let rubric = try rubric(try await database.position(id: request.positionID).rubricID)
        var interviewerIDs: [Int64] = []
        for email in request.interviewers {
            interviewerIDs.append(try await database.user(email: email).id ?? 0)
        }
        let round = try Round(
            candidateID: candidate.id ?? 0, positionID: request.positionID, kind: request.kind, scheduledAt: request.scheduledAt,
            interviewerIDs: interviewerIDs, questionSetID: request.questionSetID)
        return (try await database.scheduleRound(round, rubric: rubric, by: principal), candidate)
    }
}

extension DebriefService {
    /// Rounds by scheduled time as the filters narrow them, only those the principal may open:
    /// recruiters and admins see every round, an interviewer only the rounds whose panel they sit on.
    public func rounds(
        candidateID: Int64? = nil, positionID: Int64? = nil, interviewerID: Int64? = nil, by principal: Principal
    ) async throws -> [Round] {
        if AccessPolicy.permits(principal, .managePipeline) {
            return try await database.rounds(candidateID: candidateID, positionID: positionID, interviewerID: interviewerID)
        }
        guard let me = principal.userID, interviewerID == nil || interviewerID == me else { return [] }
        return try await database.rounds(candidateID: candidateID, positionID: positionID, interviewerID: me)
    }

    /// A round, for anyone who may open its kit (its panel, recruiters and admins).
    public func visibleRound(_ id: Int64, by principal: Principal) async throws -> Round {
        let round = try await database.round(id: id)
        try require(.openRound(panel: round.interviewerIDs), principal)
        return round
    }
}
