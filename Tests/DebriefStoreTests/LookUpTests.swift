import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Point look-ups")
struct LookUpTests {
    let admin = StoreFixtures.admin

    /// The server deadlocked when look-ups waited on the reader pool: every cooperative thread blocked
    /// on it while the async reads that held its readers waited for a cooperative thread to resume.
    @Test("a look-up answers while an async read holds every reader of the pool")
    func lookUpBesideHeldReaders() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            var configuration = AppDatabase.configuration()
            configuration.maximumReaderCount = 1
            let store = try AppDatabase.open(path: directory.appendingPathComponent("pool.sqlite").path, configuration: configuration)
            let stored = try await store.addCandidate(StoreFixtures.candidate(), by: admin)
            let readerTaken = DispatchSemaphore(value: 0)
            let lookUpDone = DispatchSemaphore(value: 0)
            let holder = Task {
                try await store.read { _ in
                    readerTaken.signal()
                    // The bound only ends a failing run: a look-up that waits for this reader never answers in time.
                    return lookUpDone.wait(timeout: .now() + 20) == .success
                }
            }
            readerTaken.wait()
            let found = try await store.candidate(.id(try #require(stored.id)))
            lookUpDone.signal()
            #expect(found == stored)
            #expect(try await holder.value, "the look-up answered only once the read had let its reader go")
        }
    }

    @Test("a look-up sees what a write committed just before it")
    func lookUpSeesCommittedWrite() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try AppDatabase.open(path: directory.appendingPathComponent("fresh.sqlite").path)
            for n in 1...20 {
                let stored = try await store.addCandidate(StoreFixtures.candidate("Candidate \(n)", email: "c\(n)@example.com"), by: admin)
                #expect(try await store.candidate(.id(try #require(stored.id))) == stored)
            }
        }
    }

    @Test("after a restore, a look-up reads the restored data, not what its connection saw before")
    func lookUpAfterRestore() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try AppDatabase.open(path: directory.appendingPathComponent("live.sqlite").path)
            let kept = try await store.addCandidate(StoreFixtures.candidate("Kept", email: "kept@example.com"), by: admin)
            let backup = directory.appendingPathComponent("backup.sqlite").path
            _ = try await store.backup(to: backup, by: admin)
            let later = try await store.addCandidate(StoreFixtures.candidate("Later", email: "later@example.com"), by: admin)
            // Both look-up connections of a two-core machine have read the later candidate.
            for _ in 0..<4 { #expect(try await store.candidate(.id(try #require(later.id))) == later) }
            _ = try await store.restore(from: backup, by: admin)
            for _ in 0..<4 {
                #expect(try await store.candidate(.id(try #require(kept.id))) == kept)
                await #expect(throws: StoreError.self) { try await store.candidate(.id(try #require(later.id))) }
            }
        }
    }
}
