import Foundation

/// One interview of one candidate for one position, held by one or more interviewers.
public struct Round: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var candidateID: Int64
    public var positionID: Int64
    public var kind: RoundKind
    public var scheduledAt: Date
    /// The user ids of the interviewers; at least one, no repeats.
    public var interviewerIDs: [Int64]
    /// The question set from the bank that is the round's interview kit, if one was chosen.
    public var questionSetID: Int64?

    /// Spelled so that JSON's snake_case reads `interviewer_ids`, not `interviewer_i_ds`.
    private enum CodingKeys: String, CodingKey {
        case id, kind, scheduledAt
        case candidateID = "candidateId", positionID = "positionId", interviewerIDs = "interviewerIds", questionSetID = "questionSetId"
    }

    public init(
        id: Int64? = nil, candidateID: Int64, positionID: Int64, kind: RoundKind, scheduledAt: Date, interviewerIDs: [Int64],
        questionSetID: Int64? = nil
    ) throws(FieldError) {
        guard !interviewerIDs.isEmpty else {
            throw FieldError(field: "interviewer", "a round needs at least one interviewer")
        }
        guard Set(interviewerIDs).count == interviewerIDs.count else {
            throw FieldError(field: "interviewer", "an interviewer is named twice for the same round")
        }
        self.id = id
        self.candidateID = candidateID
        self.positionID = positionID
        self.kind = kind
        self.scheduledAt = scheduledAt
        self.interviewerIDs = interviewerIDs
        self.questionSetID = questionSetID
    }
}
