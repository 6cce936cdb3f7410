import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import Testing

/// Many people submitting at once against a database file: every acknowledged write is on disk, once.
@Suite("Concurrent scorecards")
struct ConcurrentSubmissionTests {
    static let admin = Principal.localOperator(named: "tester")

    @Test("50 interviewers submit at once against a file database; each acknowledged scorecard is there after reopening, once")
    func fiftyAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("debrief.sqlite").path
        let service = DebriefService(
            database: try AppDatabase.open(path: path), rubrics: try RubricFolder.catalog(at: ServiceUseCaseTests.rubricsFolder))
        let emails = try (0..<50).map { try EmailAddress("interviewer\($0)@example.com") }
        for (index, email) in emails.enumerated() {
            _ = try await service.database.addUser(User(name: "Interviewer \(index)", email: email, role: .interviewer), by: Self.admin)
        }
        _ = try await service.addPosition(Position(title: "Backend Engineer", rubricID: "backend-engineer"), by: Self.admin)
        _ = try await service.database.addCandidate(Candidate(name: "Ada Lovelace", email: EmailAddress("ada@example.com")), by: Self.admin)
        let round = try await service.scheduleRound(
            RoundRequest(
                candidate: .id(1), positionID: 1, kind: .technical, scheduledAt: Date(timeIntervalSince1970: 1_800_000_000), interviewers: emails),
            by: Self.admin
        ).round
        let acknowledged = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for (index, email) in emails.enumerated() {
                group.addTask {
                    let submission = ScorecardSubmission(
                        roundID: round.id ?? 0, interviewer: email, ratings: [try Rating(competencyID: "apis-http", value: .point(1 + index % 4))],
                        recommendation: .yes, notes: "card \(index)", draft: false)
                    return try? await service.submitScorecard(submission, by: Principal(label: email.value, role: .admin)).scorecard.id
                }
            }
            var ids: [Int64] = []
            for try await id in group { if let id { ids.append(id) } }
            return ids
        }
        #expect(acknowledged.count == 50)
        let reopened = try AppDatabase.open(path: path)
        let cards = try await reopened.scorecards(roundID: round.id ?? 0)
        #expect(cards.count == 50 && Set(cards.compactMap(\.id)) == Set(acknowledged))
        #expect(Set(cards.map(\.notes)).count == 50 && cards.allSatisfy { $0.state == .submitted && $0.version == 1 })
        #expect(try await reopened.auditEvents(entity: "scorecard", limit: 200).count == 50, "each write has its audit event, once")
    }
}
