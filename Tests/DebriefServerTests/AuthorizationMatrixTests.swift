import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every GET route, asked by every kind of caller: the status each must get from the one access policy.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    /// Omar sits on round 2's panel only; Ines on rounds 1 and 2; Olga (deactivated) on none.
    enum Caller: String, CaseIterable, Sendable {
        case admin, recruiter, omarOnRound2, inesOnRounds1And2, deactivated, endedSession, anonymous
    }

    /// A browser for each kind of caller: Dana is an admin, Riley the fixture's recruiter.
    static func callers() async throws -> (ServerFixture, [Caller: HTTPFields]) {
        let (fixture, omar, _) = try await InterviewPageTests.panel()
        let admin = Principal.localOperator(named: "tester")
        let service = DebriefService(database: fixture.store, rubrics: nil, passwordCost: ServerFixture.passwordCost)
        _ = try await fixture.store.addUser(User(name: "Dana", email: EmailAddress("dana@debrief.example"), role: .admin), by: admin)
        try await service.setPassword(ServerFixture.password, for: EmailAddress("dana@debrief.example"), by: admin)
        let dana = try await service.signIn(email: "dana@debrief.example", password: ServerFixture.password, client: "t").token
        let ended = try await service.signIn(email: "riley@debrief.example", password: ServerFixture.password, client: "t").token
        try await service.signOut(presenting: ended.secret)
        let gone = try await service.signIn(email: "olga@debrief.example", password: ServerFixture.password, client: "t").token
        try await fixture.store.setDeactivated(true, email: EmailAddress("olga@debrief.example"), by: admin)
        return (
            fixture,
            [
                .admin: Headers.browser(dana), .recruiter: Headers.browser(fixture.recruiterSession), .omarOnRound2: Headers.browser(omar),
                .inesOnRounds1And2: Headers.browser(fixture.interviewerSession), .deactivated: Headers.browser(gone),
                .endedSession: Headers.browser(ended), .anonymous: Headers.browser(),
            ]
        )
    }

    /// The status each caller gets, in `Caller.allCases` order: a stale browser session is sent to sign in (303), the API says 401.
    static let routes: [(path: String, statuses: [HTTPResponse.Status])] = [
        ("/health", [.ok, .ok, .ok, .ok, .seeOther, .seeOther, .ok]),
        ("/", [.ok, .ok, .seeOther, .seeOther, .seeOther, .seeOther, .seeOther]),
        ("/interviews", [.ok, .ok, .ok, .ok, .seeOther, .seeOther, .seeOther]),
        ("/positions/1", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/positions/1/candidates/1", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/rounds/1", [.ok, .ok, .forbidden, .ok, .seeOther, .seeOther, .seeOther]),
        ("/rounds/2", [.ok, .ok, .ok, .ok, .seeOther, .seeOther, .seeOther]),
        ("/api/positions/1/report", [.ok, .ok, .forbidden, .forbidden, .unauthorized, .unauthorized, .unauthorized]),
        ("/candidates", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/candidates/1", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/rounds/2/edit", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/static/debrief.css", [.ok, .ok, .ok, .ok, .seeOther, .seeOther, .ok]),
        ("/questions", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/questions?q=shard", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/questions/sets/1", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/questions/import", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/rubrics/backend-engineer/reliability", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/questions/health", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/questions/health?position=1", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/score-sheets", [.ok, .ok, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/admin/users", [.ok, .forbidden, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
        ("/admin/audit?entity=user", [.ok, .forbidden, .forbidden, .forbidden, .seeOther, .seeOther, .seeOther]),
    ]

    /// Every state-changing form, posted with the caller's own valid form proof: what each gets.
    /// Stale and missing sessions are refused before anything is read (401 for a form post).
    static let posts: [(path: String, body: String, statuses: [HTTPResponse.Status])] = [
        (
            "/candidates", "name=Zed&email=zed%40example.com",
            [.seeOther, .unprocessableContent, .forbidden, .forbidden, .unauthorized, .unauthorized, .unauthorized]
        ),
        (
            "/candidates/1/stage", "stage=screening",
            [.seeOther, .unprocessableContent, .forbidden, .forbidden, .unauthorized, .unauthorized, .unauthorized]
        ),
        (
            "/candidates/1/rounds", "position=1&kind=hr&at=2027-01-01T10%3A00&zone=UTC&interviewer=omar%40debrief.example",
            [.seeOther, .seeOther, .forbidden, .forbidden, .unauthorized, .unauthorized, .unauthorized]
        ),
        (
            "/rounds/2", "at=2027-01-01T10%3A00&zone=UTC&interviewer=omar%40debrief.example&interviewer=ines%40debrief.example",
            [.seeOther, .seeOther, .forbidden, .forbidden, .unauthorized, .unauthorized, .unauthorized]
        ),
        (
            "/rounds/1/scorecard", "action=draft",
            [.unprocessableContent, .unprocessableContent, .forbidden, .unprocessableContent, .unauthorized, .unauthorized, .unauthorized]
        ),
    ]

    @Test("each form post is answered as the access policy says, with a valid proof")
    func postMatrix() async throws {
        let (fixture, callers) = try await Self.callers()
        try await fixture.test { client in
            for post in Self.posts {
                for (caller, expected) in zip(Caller.allCases, post.statuses) {
                    var headers = callers[caller]!
                    headers[.contentType] = "application/x-www-form-urlencoded"
                    let proof = Self.proof(headers)
                    let status = try await client.execute(
                        uri: post.path, method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(proof)&" + post.body)
                    ) { $0.status }
                    #expect(status == expected, "POST \(post.path) as \(caller.rawValue): \(status), wanted \(expected)")
                }
            }
        }
    }

    /// The form proof of the session in a browser's cookie header (empty without one).
    static func proof(_ headers: HTTPFields) -> String {
        guard let cookie = headers[.cookie], let range = cookie.range(of: "debrief_session=") else { return "" }
        return AccessToken(presented: String(cookie[range.upperBound...].prefix { $0 != ";" }), kind: .session)?.formProof ?? ""
    }

    @Test("each route answers each caller as the access policy says")
    func matrix() async throws {
        let (fixture, callers) = try await Self.callers()
        try await fixture.test { client in
            for route in Self.routes {
                for (caller, expected) in zip(Caller.allCases, route.statuses) {
                    let status = try await client.execute(uri: route.path, method: .get, headers: callers[caller]!) { $0.status }
                    #expect(status == expected, "\(route.path) as \(caller.rawValue): \(status), wanted \(expected)")
                }
            }
        }
    }
}
