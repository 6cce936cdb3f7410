import DebriefCore
import GRDB

extension AppDatabase {
    /// A position with its candidates, interviewers, rounds, current submitted scorecards and the
    /// rubric versions they were made under, read in one consistent snapshot with its data version.
    /// With `candidateID`, only that candidate's part of it: what their own report needs.
    public func positionDossier(positionID: Int64, candidateID: Int64? = nil) async throws(StoreError) -> PositionDossier {
        try await read { db in
            let position = try Self.fetchPosition(db, id: positionID)
            let rounds = try Self.rounds(db, positionID: positionID, candidateID: candidateID)
            let candidates = try Self.candidates(db, ids: Array(Set(rounds.map(\.candidateID))))
            let scorecards = try Self.submittedScorecards(db, positionID: positionID, candidateID: candidateID)
            // What the scorecards refer to, each collected into its set as it is met: the panels'
            // people and whoever entered a scorecard on an interviewer's behalf; the rubric versions
            // (one hash for most scorecards, so compared with the last before it is hashed); the questions.
            var people = Set(rounds.lazy.flatMap(\.interviewerIDs)), hashes = Set<String>(), questionIDs = Set<Int64>()
            var lastHash: String?
            for card in scorecards.lazy.map(\.scorecard) {
                if let enteredBy = card.enteredByID { people.insert(enteredBy) }
                if card.rubricHash != lastHash {
                    hashes.insert(card.rubricHash)
                    lastHash = card.rubricHash
                }
                for rating in card.ratings { if let question = rating.questionID { questionIDs.insert(question) } }
            }
            let interviewers = try Self.users(db, ids: Array(people))
            let versions = try Self.rubricTexts(db, hashes: Array(hashes))
            let questions = try ChunkedLookup.fetch(Array(questionIDs)) { try QuestionRecord.filter($0.contains(Column("id"))).fetchAll(db) }.map {
                try $0.domain()
            }
            return PositionDossier(
                position: position, candidates: candidates, interviewers: interviewers, rounds: rounds, scorecards: scorecards,
                rubricVersions: versions, questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id ?? 0, $0) }),
                dataVersion: try Self.reportDataVersion(db, positionID: positionID))
        }
    }

    /// The candidates of `ids`, by name.
    static func candidates(_ db: Database, ids: [Int64]) throws -> [Candidate] {
        try ChunkedLookup.fetch(ids) { try CandidateRecord.filter($0.contains(Column("id"))).fetchAll(db) }
            .map { try $0.domain() }.sorted { ($0.name, $0.id ?? 0) < ($1.name, $1.id ?? 0) }
    }

    /// The users of `ids`, by name.
    static func users(_ db: Database, ids: [Int64]) throws -> [User] {
        try ChunkedLookup.fetch(ids) { try UserRecord.filter($0.contains(Column("id"))).fetchAll(db) }
            .map { try $0.domain() }.sorted { ($0.name, $0.id ?? 0) < ($1.name, $1.id ?? 0) }
    }

    /// Rubric text by content hash, for the stored versions among `hashes`.
    static func rubricTexts(_ db: Database, hashes: [String]) throws -> [String: String] {
        var versions: [String: String] = [:]
        for row in try ChunkedLookup.fetch(hashes, { try Row.fetchAll(db, Table("rubric_version").filter($0.contains(Column("content_hash")))) }) {
            versions[row["content_hash"]] = row["yaml"]
        }
        return versions
    }
}
