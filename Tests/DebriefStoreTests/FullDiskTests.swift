import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

/// A disk that fills up, simulated with SQLite's own size limit (`PRAGMA max_page_count` on the
/// writer connection): the write that does not fit is refused whole with `unavailable`, what was
/// stored stays intact, and writes work again once there is room.
@Suite("A full disk")
struct FullDiskTests {
    let admin = StoreFixtures.admin

    static func limitGrowth(_ store: AppDatabase, extraPages: Int) async throws {
        try await store.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + extraPages)")
        }
    }

    static func bigSet(_ source: String) throws -> QuestionSet {
        let answer = "<p>" + String(repeating: "A long model answer about caches and queues. ", count: 2_000) + "</p>"
        return try QuestionSet(
            title: "Big", source: source, contentHash: "sha256:\(source)", importedAt: Date(),
            questions: (1...40).map { try Question(ordinal: $0, text: "What is big question \($0)?", answerHTML: answer) })
    }

    @Test("a write that does not fit is refused whole as unavailable, nothing is half-stored, and writing resumes when room returns")
    func fullDisk() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try AppDatabase.open(path: directory.appendingPathComponent("full.sqlite").path)
            let kept = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
            try await Self.limitGrowth(store, extraPages: 2)
            do {
                _ = try await store.addQuestionSet(try Self.bigSet("big.html"), by: admin)
                Issue.record("a 3 MB set fitted into two pages")
            } catch {
                guard let error = error as? StoreError, case .unavailable(let reason) = error else { Issue.record("\(error)"); return }
                #expect(reason.contains("disk is full"), "\(reason)")
                #expect(error.description.contains("nothing was written"))
            }
            #expect(try await store.questionSets().isEmpty, "nothing of the set was stored")
            #expect(try await store.candidates() == [kept])
            let integrity = try await store.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
            let events = try await store.auditLog(AuditFilter(entity: "question_set")).total
            #expect(events == 0, "no audit event for the refused write")

            try await Self.limitGrowth(store, extraPages: 1_000_000)
            let stored = try await store.addQuestionSet(try Self.bigSet("big.html"), by: admin)
            #expect(stored.questions.count == 40, "writing resumes once there is room")
        }
    }

    @Test("a read-only database refuses changes as unavailable and still answers reads")
    func readOnly() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ro.sqlite").path
            let store = try AppDatabase.open(path: path)
            let kept = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
            try await store.write { db in try db.execute(sql: "PRAGMA query_only = ON") }
            do {
                _ = try await store.addCandidate(StoreFixtures.candidate("Grace Hopper", email: "grace@example.com"), by: admin)
                Issue.record("a write went through a read-only connection")
            } catch {
                guard let error = error as? StoreError, case .unavailable(let reason) = error else { Issue.record("\(error)"); return }
                #expect(reason.contains("read-only"), "\(reason)")
            }
            #expect(try await store.candidates() == [kept])
        }
    }
}
