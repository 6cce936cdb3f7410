import DebriefCore
import Foundation
import GRDB

/// A row of `candidate`.
struct CandidateRecord: StoredRecord {
    static let databaseTableName = "candidate"
    var id: Int64?
    var name: String
    var email: String
    var phone: String?
    var source: String?
    var stage: String
    var createdAt: Date

    init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        email = row["email"]
        phone = row["phone"]
        source = row["source"]
        stage = row["stage"]
        createdAt = row["created_at"]
    }

    init(_ candidate: Candidate) {
        id = candidate.id
        name = candidate.name
        email = candidate.email.value
        phone = candidate.phone
        source = candidate.source
        stage = candidate.stage.rawValue
        createdAt = candidate.createdAt.storedPrecision
    }

    func domain() throws -> Candidate {
        try Candidate(
            id: id, name: name, email: EmailAddress(email), phone: phone, source: source,
            stage: PipelineStage(parsing: stage), createdAt: createdAt)
    }
}
