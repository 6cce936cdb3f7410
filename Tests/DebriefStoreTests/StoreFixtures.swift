import DebriefCore
import DebriefStore
import Foundation

/// A small set of domain values to store, and helpers for temporary database files.
enum StoreFixtures {
    static let admin = Principal.localOperator(named: "tester")

    static func user(_ name: String = "Grace Hopper", email: String = "grace@debrief.example", role: Role = .interviewer) throws -> User {
        try User(name: name, email: EmailAddress(email), role: role)
    }

    static func candidate(_ name: String = "Ada Lovelace", email: String = "ada@example.com") throws -> Candidate {
        try Candidate(name: name, email: EmailAddress(email), phone: "+44 20 7946 0958", source: "referral")
    }

    static func position() throws -> Position {
        try Position(title: "Backend Engineer", level: "senior", rubricID: "backend-engineer")
    }

    /// A candidate, a position, an interviewer and a round, stored.
    static func scheduledRound(in store: AppDatabase) async throws -> (Candidate, Position, User, Round) {
        let candidate = try await store.addCandidate(candidate(), by: admin)
        let position = try await store.addPosition(position(), by: admin)
        let interviewer = try await store.addUser(user(), by: admin)
        let round = try await store.scheduleRound(
            Round(
                candidateID: candidate.id!, positionID: position.id!, kind: .technical,
                scheduledAt: Date(timeIntervalSince1970: 1_800_000_000), interviewerIDs: [interviewer.id!]),
            by: admin)
        return (candidate, position, interviewer, round)
    }

    /// A fresh directory that is removed when `body` returns.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }
}
