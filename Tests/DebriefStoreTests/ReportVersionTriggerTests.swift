import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("The report data version's triggers")
struct ReportVersionTriggerTests {
    let store = try! AppDatabase.inMemory()

    /// Each report-version trigger's statement, with its NEW and OLD columns given as values, as
    /// `EXPLAIN` shows the program SQLite runs each time the trigger fires.
    private func programs() async throws -> [(name: String, opcodes: [String])] {
        try await store.writer.read { db in
            let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_advances_report%'")
            return try triggers.map { row in
                let sql: String = row["sql"]
                let begin = try #require(sql.range(of: "BEGIN")), end = try #require(sql.range(of: "END", options: .backwards))
                let body = String(sql[begin.upperBound..<end.lowerBound])
                    .replacingOccurrences(of: #"\b(NEW|OLD)\.[a-z_]+"#, with: "1", options: .regularExpression)
                return (row["name"], try Row.fetchAll(db, sql: "EXPLAIN \(body)").map { $0["opcode"] as String })
            }
        }
    }

    @Test("every write that touches a report's data fires a trigger that builds no temporary table")
    func noTemporaryTables() async throws {
        let programs = try await programs()
        #expect(programs.count == 18)
        for (name, opcodes) in programs where name != "candidate_advances_report_update" {
            #expect(!opcodes.contains("OpenEphemeral"), "\(name) opens a temporary b-tree each time it fires")
            #expect(opcodes.contains("Insert") || opcodes.contains("Upsert") || opcodes.contains("IdxInsert"), "\(name): \(opcodes)")
        }
    }
}
