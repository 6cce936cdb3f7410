import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import Hummingbird
import HummingbirdTesting

/// A small pipeline in an in-memory database, people with tokens, and the app over it.
struct ServerFixture {
    let store: AppDatabase
    let rubric: Rubric
    let positionID: Int64
    let candidateID: Int64
    /// Access tokens, for scripts (`Authorization: Bearer`).
    let recruiter: AccessToken
    let interviewer: AccessToken
    /// Browser sessions after signing in with a password.
    let recruiterSession: AccessToken
    let interviewerSession: AccessToken
    static let password = "correct horse battery staple"
    /// bcrypt's cost in tests: low, set explicitly (production uses 12).
    static let passwordCost: UInt8 = 4
    /// A name that tries to break out of HTML, scripts and attributes.
    static let hostileName = "<script>alert(1)</script> Ada \"O'Brien\""

    static let rubricPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Rubrics/backend-engineer.yaml").standardized.path

    static func make() async throws -> ServerFixture {
        let store = try AppDatabase.inMemory()
        let admin = Principal.localOperator(named: "tester")
        let rubric = try RubricDecoder.decode(yaml: String(contentsOfFile: rubricPath, encoding: .utf8), file: "backend-engineer.yaml")
        let recruiter = try await store.addUser(User(name: "Riley", email: EmailAddress("riley@debrief.example"), role: .recruiter), by: admin)
        let interviewer = try await store.addUser(
            User(name: "Ines", email: EmailAddress("ines@debrief.example"), role: .interviewer), by: admin)
        let position = try await store.addPosition(Position(title: "Backend Engineer", rubricID: rubric.id), by: admin)
        let candidate = try await store.addCandidate(
            Candidate(name: hostileName, email: EmailAddress("ada@example.com"), phone: nil, source: "referral"), by: admin)
        let round = try await store.scheduleRound(
            Round(
                candidateID: candidate.id!, positionID: position.id!, kind: .technical, scheduledAt: Date(timeIntervalSince1970: 1_800_000_000),
                interviewerIDs: [interviewer.id!]),
            rubric: rubric, by: admin)
        let ratings = try ["fundamentals": 3, "apis-http": 4, "databases": 2, "reliability-security": 3].sorted { $0.key < $1.key }
            .map { try Rating(competencyID: $0.key, value: .point($0.value)) }
        _ = try await store.saveScorecard(
            Scorecard(
                roundID: round.id!, interviewerID: interviewer.id!, state: .submitted, rubricID: rubric.id, rubricHash: rubric.contentHash,
                scale: rubric.ratingScale, ratings: ratings, recommendation: .yes, notes: "Solid on HTTP </p><img src=x onerror=alert(2)>",
                submittedAt: Date(timeIntervalSince1970: 1_800_003_600)),
            rubric: rubric, by: admin)
        let service = DebriefService(database: store, rubrics: nil, passwordCost: passwordCost)
        for user in [recruiter, interviewer] { try await service.setPassword(password, for: user.email, by: admin) }
        return ServerFixture(
            store: store, rubric: rubric, positionID: position.id!, candidateID: candidate.id!,
            recruiter: try await store.issueAccessToken(to: recruiter.email, label: "test", lifetime: 3_600, by: admin).token,
            interviewer: try await store.issueAccessToken(to: interviewer.email, label: "test", lifetime: 3_600, by: admin).token,
            recruiterSession: try await service.signIn(email: recruiter.email.value, password: password, client: "fixture").token,
            interviewerSession: try await service.signIn(email: interviewer.email.value, password: password, client: "fixture").token)
    }

    /// Runs `body` against the app over this fixture's database.
    func test(secureCookies: Bool = false, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let options = DebriefApplication.Options(
            rubrics: RubricCatalog(rubrics: [rubric]), secureCookies: secureCookies, passwordCost: Self.passwordCost)
        let app = Application(router: DebriefApplication.router(database: store, options: options))
        try await app.test(.router, body)
    }
}

/// Request headers for a signed-in script or browser.
enum Headers {
    static func bearer(_ token: AccessToken) -> HTTPFields { [.authorization: "Bearer \(token.secret)"] }
    /// A browser, signed in with `session` (a session secret) when given.
    static func browser(_ session: AccessToken? = nil, cookies: [String] = []) -> HTTPFields {
        var fields: HTTPFields = [.accept: "text/html,application/xhtml+xml"]
        let all = (session.map { ["debrief_session=\($0.secret)"] } ?? []) + cookies
        if !all.isEmpty { fields[.cookie] = all.joined(separator: "; ") }
        return fields
    }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}
