import DebriefCore
import Foundation
import GRDB

/// One page of candidates in a stable order, for the API's lists.
public struct CandidateListQuery: Sendable, Equatable {
    /// The order of the list; ties are broken by id, so the order is total and pages never overlap.
    public enum Order: String, Sendable, CaseIterable {
        case id, idDescending = "-id", name, nameDescending = "-name"

        var descending: Bool { self == .idDescending || self == .nameDescending }
        var byName: Bool { self == .name || self == .nameDescending }
    }

    /// Where the previous page ended: the last row's sort key and id.
    public struct Position: Sendable, Equatable, Codable {
        public var name: String?
        public var id: Int64

        public init(name: String?, id: Int64) {
            self.name = name
            self.id = id
        }
    }

    public var filter: CandidateFilter
    /// Only candidates who have a round with this person on its panel.
    public var interviewerID: Int64?
    /// Only candidates added at or after / before this time.
    public var createdFrom: Date?
    public var createdBefore: Date?
    public var order: Order
    public var after: Position?
    public var limit: Int

    public init(
        filter: CandidateFilter = CandidateFilter(), interviewerID: Int64? = nil, createdFrom: Date? = nil, createdBefore: Date? = nil,
        order: Order = .id, after: Position? = nil, limit: Int = 50
    ) {
        self.filter = filter
        self.interviewerID = interviewerID
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.order = order
        self.after = after
        self.limit = limit
    }
}

extension AppDatabase {
    /// Up to `query.limit` candidates after `query.after` in `query.order`, and whether more follow.
    /// A keyset query: each page costs the same however deep into the list it is.
    public func candidates(_ query: CandidateListQuery) async throws(StoreError) -> (candidates: [Candidate], more: Bool) {
        try await read { db in
            var (conditions, arguments) = query.filter.sqlConditions()
            if let interviewerID = query.interviewerID {
                conditions.append(
                    "id IN (SELECT r.candidate_id FROM round r JOIN round_interviewer ri ON ri.round_id = r.id WHERE ri.user_id = ?)")
                arguments += [interviewerID]
            }
            if let from = query.createdFrom {
                conditions.append("created_at >= ?")
                arguments += [from.storedPrecision]
            }
            if let before = query.createdBefore {
                conditions.append("created_at < ?")
                arguments += [before.storedPrecision]
            }
            let comparison = query.order.descending ? "<" : ">"
            if let after = query.after {
                if query.order.byName {
                    conditions.append("(name COLLATE NOCASE, id) \(comparison) (? COLLATE NOCASE, ?)")
                    arguments += [after.name ?? "", after.id]
                } else {
                    conditions.append("id \(comparison) ?")
                    arguments += [after.id]
                }
            }
            let direction = query.order.descending ? "DESC" : "ASC"
            let orderBy = query.order.byName ? "name COLLATE NOCASE \(direction), id \(direction)" : "id \(direction)"
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limit = max(1, query.limit)
            let rows = try CandidateRecord.fetchAll(
                db, sql: "SELECT * FROM candidate \(whereClause) ORDER BY \(orderBy) LIMIT ?", arguments: arguments + [limit + 1])
            let candidates = try rows.prefix(limit).map { try $0.domain() }
            return (candidates, rows.count > limit)
        }
    }

    /// Changes a candidate's name, email, phone or source in one transaction with its audit event.
    /// `precondition` sees the stored candidate first and may refuse (a stale version); nothing is written then.
    public func updateCandidate(
        id: Int64, by principal: Principal, precondition: @escaping @Sendable (Candidate) throws -> Void = { _ in },
        change: @escaping @Sendable (Candidate) throws -> Candidate
    ) async throws(StoreError) -> Candidate {
        try await write { db in
            let current = try Self.fetchCandidate(db, .id(id))
            try Self.requireNotErased(db, current)
            try precondition(current)
            var changed = try change(current)
            changed.id = current.id
            changed.stage = current.stage
            changed.createdAt = current.createdAt
            guard changed != current else { return current }
            if changed.email != current.email,
                try CandidateRecord.filter(Column("email") == changed.email.value && Column("id") != id).fetchCount(db) > 0
            {
                throw StoreError.duplicate(entity: "candidate", field: "email", value: changed.email.value)
            }
            try CandidateRecord(changed).update(db)
            try AuditLog.record(db, by: principal, action: "update", entity: "candidate", entityID: id, before: current, after: changed)
            return changed
        }
    }
}
