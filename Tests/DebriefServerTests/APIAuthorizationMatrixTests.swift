import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefServer

/// Every `/api/v1` GET operation, asked with every kind of token: the status each must get from the one access policy.
@Suite("API authorization matrix")
struct APIAuthorizationMatrixTests {
    /// Omar sits on round 2's panel only; Olga on none. Dee is deactivated; one token has expired, one is revoked.
    enum Caller: String, CaseIterable {
        case admin, recruiter, omarOnRound2, olgaOnNoPanel, deactivated, expired, revoked, anonymous
    }

    static let ok = HTTPResponse.Status.ok
    static let no = HTTPResponse.Status.forbidden
    static let out = HTTPResponse.Status.unauthorized
    /// The status each caller gets, in `Caller.allCases` order.
    static let routes: [(path: String, statuses: [HTTPResponse.Status])] = [
        ("/api/v1/me", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/positions", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/positions/1", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/positions/1/report", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/positions/1/candidates/1/report", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/candidates", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/candidates/1", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/rounds", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/rounds/1", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/rounds/2", [ok, ok, ok, no, out, out, out, out]),
        ("/api/v1/rounds/2/scorecards", [ok, ok, ok, no, out, out, out, out]),
        ("/api/v1/rounds/2/kit", [ok, ok, ok, no, out, out, out, out]),
        ("/api/v1/rounds/1/kit", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/question-sets", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/question-sets/1", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/questions?q=shard", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/reports/questions", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/reports/questions?position=1&set=1&format=csv", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/rubrics", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/rubrics/backend-engineer", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/rubrics/backend-engineer/reliability", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/rubric-versions", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/users", [ok, no, no, no, out, out, out, out]),
        ("/api/v1/users/1", [ok, no, no, no, out, out, out, out]),
        ("/api/v1/audit-events", [ok, no, no, no, out, out, out, out]),
        ("/api/v1/tokens", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/tokens?everyone=true", [ok, no, no, no, out, out, out, out]),
        ("/api/v1/sessions", [ok, ok, ok, ok, out, out, out, out]),
        ("/api/v1/sessions?user=1", [ok, ok, no, no, out, out, out, out]),
        ("/api/v1/openapi.json", [ok, ok, ok, ok, out, out, out, ok]),
    ]

    @Test("every GET operation of /api/v1 answers each kind of caller as the access policy says")
    func matrix() async throws {
        let (fixture, _, _) = try await InterviewPageTests.panel()
        let admin = Principal.localOperator(named: "tester")
        _ = try await fixture.store.addUser(User(name: "Dana", email: EmailAddress("dana@debrief.example"), role: .admin), by: admin)
        _ = try await fixture.store.addUser(User(name: "Dee", email: EmailAddress("dee@debrief.example"), role: .recruiter), by: admin)
        func token(_ email: String, issued: Date = Date()) async throws -> AccessToken {
            try await fixture.store.issueAccessToken(to: EmailAddress(email), label: "matrix", lifetime: 3_600, now: issued, by: admin).token
        }
        let dee = try await token("dee@debrief.example")
        try await fixture.store.setDeactivated(true, email: EmailAddress("dee@debrief.example"), by: admin)
        let revoked = try await token("riley@debrief.example")
        _ = try await fixture.store.revokeCredentials(of: EmailAddress("riley@debrief.example"), by: admin)
        let recruiter = try await token("riley@debrief.example")
        let tokens: [Caller: AccessToken?] = [
            .admin: try await token("dana@debrief.example"), .recruiter: recruiter, .omarOnRound2: try await token("omar@debrief.example"),
            .olgaOnNoPanel: try await token("olga@debrief.example"), .deactivated: dee,
            .expired: try await token("ines@debrief.example", issued: Date().addingTimeInterval(-7_200)), .revoked: revoked, .anonymous: nil,
        ]
        try await fixture.test { client in
            for route in Self.routes {
                for (caller, expected) in zip(Caller.allCases, route.statuses) {
                    let headers = tokens[caller]!.map(Headers.bearer) ?? [:]
                    let (status, text, type) = try await client.execute(uri: route.path, method: .get, headers: headers) {
                        ($0.status, $0.body.text, $0.headers[.contentType] ?? "")
                    }
                    #expect(status == expected, "\(caller) GET \(route.path): \(status), expected \(expected)")
                    if status.code >= 400 { #expect(type == "application/problem+json", "\(caller) GET \(route.path)") }
                    if route.path == "/api/v1/rounds/2/kit" && caller == .omarOnRound2 {
                        #expect(text.contains("How would you shard") && !text.contains("alert(3)"), "the kit holds the round's questions, sanitised")
                    }
                    if route.path.hasPrefix("/api/v1/rounds/2/") && caller == .omarOnRound2 {
                        #expect(!text.contains("Ines-private-note"), "Omar sees Ines's scorecard before submitting his own")
                    }
                }
            }
        }
    }
}

extension APIAuthorizationMatrixTests {
    /// Every kind of change, by a recruiter, Omar (round 2's panel), Olga (no panel) and nobody: who may
    /// is refused only for the body (422) or succeeds; who may not gets 403 before anything is read.
    static let writes: [(method: HTTPRequest.Method, path: String, body: String, statuses: [HTTPResponse.Status])] = [
        (.post, "/api/v1/candidates", #"{"name":"Zed","email":"zed@example.com"}"#, [.created, no, no, out]),
        (.post, "/api/v1/candidates/1/stage", #"{"stage":"hired"}"#, [.unprocessableContent, no, no, out]),
        (.patch, "/api/v1/candidates/1", #"{"source":"fair"}"#, [.preconditionFailed, no, no, out]),
        (.post, "/api/v1/positions", #"{"title":"SRE","rubric_id":"backend-engineer"}"#, [.created, no, no, out]),
        (
            .post, "/api/v1/rounds",
            #"{"candidate_id":1,"position_id":1,"kind":"hr","scheduled_at":"2027-01-01T10:00:00Z","interviewers":["omar@debrief.example"]}"#,
            [.created, no, no, out]
        ),
        (.patch, "/api/v1/rounds/2", #"{"scheduled_at":"2027-01-01T10:00:00Z"}"#, [.preconditionFailed, no, no, out]),
        (
            .post, "/api/v1/scorecards", #"{"round_id":2,"ratings":[{"competency_id":"system-design","value":3}],"draft":true}"#,
            [.unprocessableContent, .created, no, out]
        ),
        (.post, "/api/v1/question-sets/import?dry_run=true&name=Matrix", "<h2>Q1. Why?</h2>", [.ok, no, no, out]),
        (.post, "/api/v1/score-sheets", "position\n", [.unprocessableContent, no, no, out]),
        (.post, "/api/v1/users", #"{"email":"x@example.com","role":"admin"}"#, [no, no, no, out]),
        (.patch, "/api/v1/users/1", #"{"role":"admin"}"#, [no, no, no, out]),
        (.post, "/api/v1/tokens", #"{"label":"mine"}"#, [.created, .created, .created, out]),
    ]

    @Test("every kind of change through /api/v1 is allowed or refused as the access policy says")
    func writeMatrix() async throws {
        let (fixture, _, _) = try await InterviewPageTests.panel()
        let admin = Principal.localOperator(named: "tester")
        func token(_ email: String) async throws -> AccessToken {
            try await fixture.store.issueAccessToken(to: EmailAddress(email), label: "matrix", lifetime: 3_600, by: admin).token
        }
        let callers: [AccessToken?] = [fixture.recruiter, try await token("omar@debrief.example"), try await token("olga@debrief.example"), nil]
        try await fixture.test { client in
            for write in Self.writes {
                for (caller, expected) in zip(callers, write.statuses) {
                    var headers = caller.map(Headers.bearer) ?? [:]
                    headers[.contentType] =
                        write.path.contains("import") ? "text/html" : write.path.contains("score-sheets") ? "text/csv" : "application/json"
                    if write.method == .patch { headers[.ifMatch] = "\"stale\"" }
                    let status = try await client.execute(
                        uri: write.path, method: write.method, headers: headers, body: ByteBuffer(string: write.body)
                    ) {
                        $0.status
                    }
                    #expect(
                        status == expected, "\(caller == nil ? "nobody" : "caller") \(write.method) \(write.path): \(status), expected \(expected)")
                }
            }
        }
    }
}
