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
            rubric: rubric, by: admin)
        return (candidate, position, interviewer, round)
    }

    static let rubricYAML = """
        id: backend-engineer
        title: Backend Engineer
        version: "1"
        scale:
          - {value: 1, label: Weak, description: Wrong.}
          - {value: 2, label: Developing, description: Partly right.}
          - {value: 3, label: Strong, description: Right.}
          - {value: 4, label: Exceptional, description: Beyond.}
        competencies:
          - {id: apis, title: APIs, weight: 2, anchors: {1: a, 2: b, 3: c, 4: d}}
          - {id: databases, title: Databases, anchors: {1: a, 2: b, 3: c, 4: d}}
          - {id: communication, title: Communication, anchors: {1: a, 2: b, 3: c, 4: d}}
        rounds:
          - {kind: technical, competencies: [apis, databases]}
          - {kind: hr, competencies: [communication]}
        thresholds: {strong_yes: 3.5, yes: 2.75, no: 2}
        """

    static let rubric = try! RubricDecoder.decode(yaml: rubricYAML, file: "backend-engineer.yaml")

    /// A scorecard for `round` by `interviewer` under the fixture rubric.
    static func scorecard(
        _ round: Round, by interviewer: User, _ ratings: [String: Int?] = ["apis": 3, "databases": nil], state: ScorecardState = .submitted,
        recommendation: Recommendation? = .yes, notes: String = "", reason: String? = nil
    ) throws -> Scorecard {
        try Scorecard(
            roundID: round.id!, interviewerID: interviewer.id!, state: state, rubricID: rubric.id, rubricHash: rubric.contentHash,
            scale: rubric.ratingScale,
            ratings: ratings.sorted { $0.key < $1.key }.map { try Rating(competencyID: $0.key, value: $0.value.map(RatingValue.point) ?? .noSignal) },
            recommendation: state == .submitted ? recommendation : nil, notes: notes, submittedAt: state == .submitted ? Date() : nil,
            amendReason: reason)
    }

    /// A fresh directory that is removed when `body` returns.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }
}
