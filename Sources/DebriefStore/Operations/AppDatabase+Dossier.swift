import DebriefCore
import GRDB

extension AppDatabase {
    /// A position with its candidates, interviewers, rounds, current submitted scorecards and the
    /// rubric versions they were made under, read in one consistent snapshot with its data version.
    /// With `candidateID`, only that candidate's part of it: what their own report needs.
    public func positionDossier(positionID: Int64, candidateID: Int64? = nil) async throws(StoreError) -> PositionDossier {
        try await read { db in
            let rounds = try DossierRounds.read(db, positionID: positionID, candidateID: candidateID)
            let cards = try DossierCards.read(db, positionID: positionID, candidateID: candidateID)
            let interviewers = try Self.users(db, ids: rounds.people(with: cards))
            return rounds.dossier(with: cards, interviewers: interviewers)
        }
    }

    /// The same for the whole position, its rounds and its scorecards read at once on two
    /// connections: the scorecards' read is the longer, and a large position's batch of reports waits
    /// for it. When a write lands between the two (their data versions differ), it is read again in
    /// one snapshot.
    public func positionDossierReadInParallel(positionID: Int64) async throws(StoreError) -> PositionDossier {
        async let roundsRead = readResult { db in try DossierRounds.read(db, positionID: positionID, candidateID: nil) }
        let cards = try await read { db in try DossierCards.read(db, positionID: positionID, candidateID: nil) }
        let rounds = try await roundsRead.get()
        guard rounds.dataVersion == cards.dataVersion else { return try await positionDossier(positionID: positionID) }
        let people = rounds.people(with: cards)
        let interviewers = try await read { db in try Self.users(db, ids: people) }
        return rounds.dossier(with: cards, interviewers: interviewers)
    }

    /// `read`, its outcome as a value (for `async let`, which does not carry a typed error).
    private func readResult<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async -> Result<T, StoreError> {
        do throws(StoreError) {
            return .success(try await read(value))
        } catch {
            return .failure(error)
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
