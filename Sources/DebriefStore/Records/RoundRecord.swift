import DebriefCore
import Foundation
import GRDB

/// A row of `round`; its interviewers live in `round_interviewer`.
struct RoundRecord: StoredRecord {
    static let databaseTableName = "round"
    var id: Int64?
    var candidateId: Int64
    var positionId: Int64
    var kind: String
    var scheduledAt: Date
    var questionSetId: Int64?

    init(row: Row) throws {
        id = row["id"]
        candidateId = row["candidate_id"]
        positionId = row["position_id"]
        kind = row["kind"]
        scheduledAt = row["scheduled_at"]
        questionSetId = row["question_set_id"]
    }

    init(_ round: Round) {
        id = round.id
        candidateId = round.candidateID
        positionId = round.positionID
        kind = round.kind.rawValue
        scheduledAt = round.scheduledAt.storedPrecision
        questionSetId = round.questionSetID
    }

    func domain(interviewerIDs: [Int64]) throws -> Round {
        try Round(
            id: id, candidateID: candidateId, positionID: positionId, kind: RoundKind(parsing: kind),
            scheduledAt: scheduledAt, interviewerIDs: interviewerIDs, questionSetID: questionSetId)
    }
}

/// A row of `round_interviewer`: one interviewer sitting on one round.
struct RoundInterviewerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "round_interviewer"
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    var roundId: Int64
    var userId: Int64

    init(roundId: Int64, userId: Int64) {
        self.roundId = roundId
        self.userId = userId
    }

    init(row: Row) throws {
        roundId = row["round_id"]
        userId = row["user_id"]
    }
}
