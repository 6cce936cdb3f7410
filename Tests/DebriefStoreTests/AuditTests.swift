import DebriefCore
import Foundation
import Testing

@testable import DebriefStore

@Suite("The audit log")
struct AuditTests {
    let store = try! AppDatabase.inMemory()
    let admin = StoreFixtures.admin

    @Test("gets one event per change, naming who, what and which record")
    func eventPerChange() async throws {
        let candidate = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
        _ = try await store.moveCandidate(.id(candidate.id!), to: .screening, by: admin)
        let events = try await store.auditEvents(entity: "candidate", entityID: candidate.id!)
        #expect(events.map(\.action) == ["move", "create"])
        #expect(events.allSatisfy { $0.actor == "cli:tester" })
        let move = try #require(events.first)
        #expect(move.before?.contains("\"stage\":\"applied\"") == true)
        #expect(move.after?.contains("\"stage\":\"screening\"") == true)
    }

    @Test("gets nothing from a change that failed, and the change leaves nothing behind")
    func nothingFromFailure() async throws {
        let candidate = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
        let before = try await store.auditEvents()
        await #expect(throws: StoreError.self) { try await store.moveCandidate(.id(candidate.id!), to: .hired, by: admin) }
        await #expect(throws: StoreError.self) { try await store.addCandidate(StoreFixtures.candidate("Twin"), by: admin) }
        #expect(try await store.auditEvents() == before)
        #expect(try await store.candidate(.id(candidate.id!)).stage == .applied)
        #expect(try await store.candidates().count == 1)
    }

    @Test("rolls back with the change when the audit write itself fails")
    func rollsBackTogether() async throws {
        let nobody = Principal(label: "", role: .admin)  // the schema refuses an empty actor
        await #expect(throws: StoreError.self) { try await store.addPosition(StoreFixtures.position(), by: nobody) }
        #expect(try await store.positions().isEmpty)
    }

    @Test("is append-only: rows can be neither changed nor deleted")
    func appendOnly() async throws {
        _ = try await store.addPosition(StoreFixtures.position(), by: admin)
        await #expect(throws: StoreError.self) { try await store.write { db in try db.execute(sql: "UPDATE audit_event SET actor = 'x'") } }
        await #expect(throws: StoreError.self) { try await store.write { db in try db.execute(sql: "DELETE FROM audit_event") } }
        #expect(try await store.auditEvents().count == 1)
    }
}
