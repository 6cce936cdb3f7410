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
            // The panels' people, and whoever entered a scorecard on an interviewer's behalf.
            let interviewers = try Self.users(db, ids: Array(Set(rounds.flatMap(\.interviewerIDs) + scorecards.compactMap(\.scorecard.enteredByID))))
            let versions = try Self.rubricTexts(db, hashes: Array(Set(scorecards.map(\.scorecard.rubricHash))))
            let questionIDs = Array(Set(scorecards.flatMap { $0.scorecard.ratings.compactMap(\.questionID) }))
            let questions = try ChunkedLookup.fetch(questionIDs) { try QuestionRecord.filter($0.contains(Column("id"))).fetchAll(db) }.map {
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
