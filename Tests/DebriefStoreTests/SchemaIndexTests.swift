import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("The schema's indexes")
struct SchemaIndexTests {
    let store = try! AppDatabase.inMemory()

    @Test("no two indexes of a table cover the same columns: each stored row would keep both up to date")
    func noTwins() async throws {
        let twins = try await store.writer.read { db -> [String] in
            var twins: [String] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                var seen: [String: String] = [:]
                for index in try Row.fetchAll(db, sql: "SELECT name, partial FROM pragma_index_list(?)", arguments: [table]) {
                    let name: String = index["name"]
                    // Expression columns have no name: their position stands for them, with the index's SQL below.
                    let columns = try String.fetchAll(
                        db, sql: "SELECT coalesce(name, '(expression)') || ' ' || coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                        arguments: [name])
                    let expressions = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]) ?? ""
                    let partial: Bool = index["partial"]
                    let key = "\(columns)\(partial ? " where…" : "")\(columns.contains { $0.hasPrefix("(expression)") } ? expressions : "")"
                    if let earlier = seen[key] { twins.append("\(table): \(earlier) and \(name) on \(columns)") }
                    seen[key] = name
                }
            }
            return twins
        }
        #expect(twins.isEmpty, "\(twins)")
    }

    @Test("an interviewer's latest scorecard for a round is found through the UNIQUE constraint's index")
    func latestScorecardUsesTheConstraint() async throws {
        let plan = try await store.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT * FROM scorecard WHERE round_id = 1 AND interviewer_id = 2 ORDER BY version DESC LIMIT 1"
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("sqlite_autoindex_scorecard_1") }, "\(plan)")
    }
}
