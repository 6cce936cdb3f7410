import DebriefCore
import DebriefImport
import DebriefService
import DebriefStore
import Foundation
import Testing

/// The use cases the CLI and the server share, called as a front end calls them.
@Suite("DebriefService use cases")
struct ServiceUseCaseTests {
    static let rubricsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Rubrics").standardized.path
    static let admin = Principal.localOperator(named: "tester")
    let service: DebriefService

    init() throws {
        service = DebriefService(database: try AppDatabase.inMemory(), rubrics: try RubricFolder.catalog(at: Self.rubricsFolder))
    }

    /// Ada, Grace and Alan, position #1 on the backend rubric and a technical round with both on its panel.
    func panel() async throws -> Round {
        for (name, email) in [("Grace Hopper", "grace@example.com"), ("Alan Turing", "alan@example.com")] {
            _ = try await service.database.addUser(User(name: name, email: EmailAddress(email), role: .interviewer), by: Self.admin)
        }
        _ = try await service.addPosition(Position(title: "Backend Engineer", rubricID: "backend-engineer"), by: Self.admin)
        _ = try await service.database.addCandidate(Candidate(name: "Ada Lovelace", email: EmailAddress("ada@example.com")), by: Self.admin)
        let request = try RoundRequest(
            candidate: .email(EmailAddress("ada@example.com")), positionID: 1, kind: .technical,
            scheduledAt: Date(timeIntervalSince1970: 1_800_000_000),
            interviewers: [EmailAddress("grace@example.com"), EmailAddress("alan@example.com")])
        return try await service.scheduleRound(request, by: Self.admin).round
    }

    func submission(_ email: String, _ value: Int, draft: Bool = false, reason: String? = nil) throws -> ScorecardSubmission {
        ScorecardSubmission(
            roundID: 1, interviewer: try EmailAddress(email), ratings: [try Rating(competencyID: "apis-http", value: .point(value))],
            recommendation: .yes, notes: nil, draft: draft, amendReason: reason)
    }

    @Test("a position needs a rubric of the folder")
    func positionRubric() async throws {
        await #expect(throws: FieldError.self) {
            try await service.addPosition(Position(title: "Chef", rubricID: "chef"), by: Self.admin)
        }
        #expect(try await service.database.positions().isEmpty)
        let noFolder = DebriefService(database: try AppDatabase.inMemory(), rubrics: nil, rubricsProblem: "cannot read the rubrics folder x")
        await #expect(throws: ServiceError.rubricsUnavailable("cannot read the rubrics folder x")) {
            try await noFolder.addPosition(Position(title: "Backend", rubricID: "backend-engineer"), by: Self.admin)
        }
    }

    @Test("a round's kind must be one the position's rubric plans")
    func roundKind() async throws {
        _ = try await panel()
        let lunch = try RoundRequest(
            candidate: .id(1), positionID: 1, kind: RoundKind(parsing: "lunch"), scheduledAt: Date(),
            interviewers: [EmailAddress("grace@example.com")])
        await #expect(throws: StoreError.self) { try await service.scheduleRound(lunch, by: Self.admin) }
        #expect(try await service.database.rounds().count == 1)
    }

    @Test("a scorecard is submitted, amended as the next version, and hidden from a colleague until they submit")
    func scorecards() async throws {
        _ = try await panel()
        let first = try await service.submitScorecard(submission("grace@example.com", 3), by: Self.admin)
        #expect(first.summary == "Submitted grace@example.com's scorecard for round #1 (technical)")
        let second = try await service.submitScorecard(submission("grace@example.com", 4, reason: "misheard an answer"), by: Self.admin)
        #expect(second.scorecard.version == 2 && second.summary.hasPrefix("Submitted amendment v2 of grace@example.com's"))
        let alan = Principal(user: try await service.database.user(email: EmailAddress("alan@example.com")))
        #expect(try await service.scorecards(roundID: 1, visibleTo: alan, history: false).isEmpty)
        _ = try await service.submitScorecard(submission("alan@example.com", 2), by: Self.admin)
        let seen = try await service.scorecards(roundID: 1, visibleTo: alan, history: false)
        #expect(seen.count == 2 && seen.allSatisfy { $0.version == ($0.interviewerID == alan.userID ? 1 : 2) })
        #expect(try await service.scorecards(roundID: 1, visibleTo: alan, history: true).count == 3)
    }

    @Test("without an interviewer named, a scorecard is the signed-in person's own; a caller who is not a user must name one")
    func ownScorecard() async throws {
        _ = try await panel()
        var own = try submission("grace@example.com", 3)
        own.interviewer = nil
        let grace = Principal(user: try await service.database.user(email: EmailAddress("grace@example.com")))
        let saved = try await service.submitScorecard(own, by: grace)
        #expect(saved.interviewer.email.value == "grace@example.com" && saved.scorecard.interviewerID == grace.userID && saved.enteredBy == nil)
        own.roundID = 99
        await #expect(throws: FieldError(field: "interviewer", "is required for a caller who is not a user")) {
            try await service.submitScorecard(own, by: Self.admin)
        }
    }

    @Test("a candidate report finds the only position the candidate interviews for, and says when there is none")
    func candidateReport() async throws {
        _ = try await panel()
        _ = try await service.submitScorecard(submission("grace@example.com", 3), by: Self.admin)
        let report = try await service.candidateReport(.email(EmailAddress("ada@example.com")), position: nil)
        #expect(report.candidate.name == "Ada Lovelace" && report.score == 3)
        _ = try await service.database.addCandidate(Candidate(name: "Grace Jr", email: EmailAddress("jr@example.com")), by: Self.admin)
        await #expect(throws: ServiceError.noPositionFor(candidate: "Grace Jr", positions: [])) {
            try await service.candidateReport(.id(2), position: nil)
        }
        await #expect(throws: StoreError.notFound(entity: "candidate", key: "#99")) { try await service.candidateReport(99, position: 1) }
    }

    @Test("a pasted page is named by the person or by its <title>, never by a shared placeholder")
    func pastedPages() async throws {
        let importer = try service.importer(rubricID: nil, overrides: nil)
        let titled = PageUpload(data: Data("<title>Deadlocks</title><h2>Q1. What is a deadlock?</h2><p>Two waits.</p>".utf8), path: nil, name: nil)
        guard case .stored(let found, let stored) = try await service.importPage(titled, with: importer, preview: false, by: Self.admin) else {
            Issue.record("the titled paste was not stored")
            return
        }
        #expect(found.source == "pasted: Deadlocks" && stored.version == 1)
        let untitled = PageUpload(data: Data("<h2>Q1. What is a mutex?</h2><p>A lock.</p>".utf8), path: nil, name: nil)
        await #expect(throws: ServiceError.unnamedPaste) { try await service.importPage(untitled, with: importer, preview: false, by: Self.admin) }
        let named = PageUpload(data: untitled.data, path: nil, name: "Locks")
        guard case .stored(_, let locks) = try await service.importPage(named, with: importer, preview: false, by: Self.admin) else {
            Issue.record("the named paste was not stored")
            return
        }
        #expect(locks.title == "Locks" && locks.source == "Locks" && locks.version == 1)
        guard case .unchanged = try await service.importPage(named, with: importer, preview: false, by: Self.admin) else {
            Issue.record("the same paste twice added something")
            return
        }
        guard case .preview = try await service.importPage(titled, with: importer, preview: true, by: Self.admin) else {
            Issue.record("a preview stored the page")
            return
        }
        #expect(try await service.database.questionSets().count == 2)
    }
}
