import DebriefCore
import Foundation
import GRDB
import Synchronization
import Testing

@testable import DebriefStore

@Suite("Writes that queue while one commits are committed together")
struct GroupCommitTests {
    let admin = StoreFixtures.admin

    struct Refused: Error {}

    /// Starts a write that holds the writer until `gate` is signalled, then waits until `count` more
    /// writes queue behind it: what runs next is one group, whatever this machine's speed.
    static func holdWriter(_ store: AppDatabase, until gate: DispatchSemaphore, queued count: Int, start: () -> Void) async throws
        -> Task<Void, any Error>
    {
        let holding = Atomic<Bool>(false)
        let holder = Task {
            try await store.write { _ in
                holding.store(true, ordering: .releasing)
                gate.wait()
            }
        }
        // Only once the held write runs does anything queue behind it rather than join its group.
        while !holding.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(1)) }
        start()
        while store.groupCommit.waiting < count { try await Task.sleep(for: .milliseconds(1)) }
        return holder
    }

    @Test("twenty writes queued behind a commit go in one transaction; the one that breaks a rule fails alone")
    func oneTransactionForMany() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try AppDatabase.open(path: directory.appendingPathComponent("group.sqlite").path)
            _ = try await store.addCandidate(StoreFixtures.candidate("Taken", email: "taken@example.com"), by: admin)
            let before = store.groupCommit.commits
            let gate = DispatchSemaphore(value: 0)
            var writes: [Task<Candidate, any Error>] = []
            let holder = try await Self.holdWriter(store, until: gate, queued: 21) {
                for n in 1...20 {
                    writes.append(
                        Task { try await store.addCandidate(StoreFixtures.candidate("Writer \(n)", email: "writer\(n)@example.com"), by: admin) })
                }
                writes.append(Task { try await store.addCandidate(StoreFixtures.candidate("Again", email: "taken@example.com"), by: admin) })
            }
            gate.signal()
            try await holder.value
            var stored = 0
            var refused: [any Error] = []
            for write in writes {
                do { _ = try await write.value; stored += 1 } catch { refused.append(error) }
            }
            #expect(stored == 20 && refused.count == 1, "\(refused)")
            #expect(refused.first is StoreError, "the duplicate email is the caller's own error: \(refused)")
            #expect(store.groupCommit.commits - before == 2, "the held write, then one group of 21")
            #expect(try await store.candidates().count == 21)
            let events = try await store.auditLog(AuditFilter(entity: "candidate", limit: 100)).events
            #expect(events.count == 21, "one audit event per stored candidate, none for the refused one")
        }
    }

    @Test("a write that fails in a group rolls back its own changes only")
    func savepointEach() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try AppDatabase.open(path: directory.appendingPathComponent("savepoints.sqlite").path)
            let gate = DispatchSemaphore(value: 0)
            var failing: Task<Void, any Error>!
            var succeeding: Task<Candidate, any Error>!
            let holder = try await Self.holdWriter(store, until: gate, queued: 2) {
                failing = Task {
                    try await store.write { db in
                        _ = try AppDatabase.createCandidate(db, try StoreFixtures.candidate("Half", email: "half@example.com"), by: admin)
                        throw Refused()
                    }
                }
                succeeding = Task { try await store.addCandidate(StoreFixtures.candidate("Whole", email: "whole@example.com"), by: admin) }
            }
            gate.signal()
            try await holder.value
            await #expect(throws: (any Error).self) { try await failing.value }
            _ = try await succeeding.value
            #expect(try await store.candidates().map(\.name) == ["Whole"])
        }
    }
}
