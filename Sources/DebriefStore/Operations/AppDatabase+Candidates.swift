import DebriefCore
import GRDB

extension AppDatabase {
    /// Adds a candidate; the email must not belong to another candidate.
    public func addCandidate(_ candidate: Candidate, by principal: Principal) async throws(StoreError) -> Candidate {
        try await write { db in try Self.createCandidate(db, candidate, by: principal) }
    }

    static func createCandidate(_ db: Database, _ candidate: Candidate, by principal: Principal) throws -> Candidate {
        if try CandidateRecord.filter(Column("email") == candidate.email.value).fetchCount(db) > 0 {
            throw StoreError.duplicate(entity: "candidate", field: "email", value: candidate.email.value)
        }
        return try AuditLog.insert(CandidateRecord(candidate), entity: "candidate", db, by: principal) { try $0.domain() }
    }

    /// Candidates by name, optionally only those in one stage.
    public func candidates(stage: PipelineStage? = nil) async throws(StoreError) -> [Candidate] {
        try await read { db in
            var request = CandidateRecord.order(Column("name"), Column("id"))
            if let stage { request = request.filter(Column("stage") == stage.rawValue) }
            return try request.fetchAll(db).map { try $0.domain() }
        }
    }

    /// The candidates with these ids (in no particular order), in one read.
    public func candidates(ids: [Int64]) async throws(StoreError) -> [Candidate] {
        try await read { db in
            try ChunkedLookup.fetch(Array(Set(ids))) { try CandidateRecord.filter($0.contains(Column("id"))).fetchAll(db) }.map { try $0.domain() }
        }
    }

    /// The candidate a person named by id (`12`, `#12`) or by email, or `notFound`.
    public func candidate(_ reference: CandidateReference) async throws(StoreError) -> Candidate {
        try lookUp { db in try Self.fetchCandidate(db, reference) }
    }

    /// Moves a candidate along the pipeline; a move the pipeline forbids is refused and nothing changes.
    public func moveCandidate(
        _ reference: CandidateReference, to stage: PipelineStage, by principal: Principal
    ) async throws(StoreError) -> Candidate {
        try await write { db in
            let current = try Self.fetchCandidate(db, reference)
            try Self.requireNotErased(db, current)
            let moved = try current.moved(to: stage)
            try CandidateRecord(moved).update(db)
            try AuditLog.record(db, by: principal, action: "move", entity: "candidate", entityID: moved.id, before: current, after: moved)
            return moved
        }
    }

    static func fetchCandidate(_ db: Database, _ reference: CandidateReference) throws -> Candidate {
        let record: CandidateRecord?
        switch reference {
        case .id(let id): record = try CandidateRecord.fetchOne(db, id: id)
        case .email(let email): record = try CandidateRecord.filter(Column("email") == email.value).fetchOne(db)
        }
        guard let record else { throw StoreError.notFound(entity: "candidate", key: reference.description) }
        return try record.domain()
    }
}
