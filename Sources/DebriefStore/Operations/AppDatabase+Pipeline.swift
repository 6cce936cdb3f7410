import DebriefCore
import Foundation
import GRDB

/// Which candidates a pipeline view shows.
public struct CandidateFilter: Sendable, Equatable {
    /// Part of a name or an email, any case; nil or empty for everyone.
    public var text: String?
    /// Only candidates with a round for this position.
    public var positionID: Int64?
    /// Only this stage (then every candidate in it is listed, not only the first few).
    public var stage: PipelineStage?

    public init(text: String? = nil, positionID: Int64? = nil, stage: PipelineStage? = nil) {
        self.text = text
        self.positionID = positionID
        self.stage = stage
    }
}

extension CandidateFilter {
    /// The filter as SQL conditions on `candidate` with their arguments, for every query that narrows candidates.
    func sqlConditions() -> (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let pattern = "%" + AppDatabase.likeEscaped(text) + "%"
            conditions.append("(name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern]
        }
        if let positionID {
            conditions.append("id IN (SELECT candidate_id FROM round WHERE position_id = ?)")
            arguments += [positionID]
        }
        if let stage {
            conditions.append("stage = ?")
            arguments += [stage.rawValue]
        }
        return (conditions, arguments)
    }
}

/// Candidates grouped by stage: how many each stage holds, and the first of them by name.
public struct PipelineView: Sendable {
    public var counts: [PipelineStage: Int]
    public var candidates: [PipelineStage: [Candidate]]
}

extension AppDatabase {
    /// The pipeline as `filter` narrows it: every stage's count, and up to `perStage` candidates of
    /// each by name (all of them for a filter on one stage). One query for the counts and one for the
    /// rows, whatever the number of candidates.
    public func pipeline(_ filter: CandidateFilter, perStage: Int) async throws(StoreError) -> PipelineView {
        try await read { db in
            let (conditions, arguments) = filter.sqlConditions()
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var counts: [PipelineStage: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stage, count(*) AS n FROM candidate \(whereClause) GROUP BY stage", arguments: arguments) {
                if let stage = PipelineStage(rawValue: row["stage"]) { counts[stage] = row["n"] }
            }
            let limit = filter.stage == nil ? perStage : Int.max
            let rows = try CandidateRecord.fetchAll(
                db,
                sql: """
                    SELECT id, name, email, phone, source, stage, created_at FROM (
                      SELECT *, row_number() OVER (PARTITION BY stage ORDER BY name COLLATE NOCASE, id) AS place FROM candidate \(whereClause))
                    WHERE place <= ? ORDER BY stage, place
                    """, arguments: arguments + [limit])
            let candidates = Dictionary(grouping: try rows.map { try $0.domain() }, by: \.stage)
            return PipelineView(counts: counts, candidates: candidates)
        }
    }

    /// `text` with LIKE's wildcards escaped, so a search for `50%` or `a_b` means those characters.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
