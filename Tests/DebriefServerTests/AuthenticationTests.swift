import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Who is asking: tokens, sessions, roles")
struct AuthenticationTests {
    @Test(
        "without a token the API answers 401 with a problem and a Bearer challenge",
        arguments: ["/api/me", "/api/positions", "/api/positions/1/report"])
    func anonymousAPI(path: String) async throws {
        try await ServerFixture.make().test { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"Debrief\"")
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(problem?["status"] as? Int == 401)
                #expect(problem?["title"] as? String == "Sign-in required")
            }
        }
    }

    @Test("a browser without a session is sent to sign in, and back to where it was going")
    func anonymousPage() async throws {
        try await ServerFixture.make().test { client in
            try await client.execute(uri: "/positions/1", method: .get, headers: Headers.browser()) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sign-in?next=/positions/1")
            }
        }
    }

    @Test("an unknown, malformed or revoked token is refused, never treated as anonymous")
    func badTokens() async throws {
        let fixture = try await ServerFixture.make()
        _ = try await fixture.store.revokeCredentials(
            of: EmailAddress("riley@debrief.example"), by: .localOperator(named: "tester"))
        try await fixture.test { client in
            for value in [
                "Bearer \(AccessToken.generate().secret)", "Bearer not-a-token", "Basic cmlsZXk6cGFzcw==", "Bearer \(fixture.recruiter.secret)",
            ] {
                try await client.execute(uri: "/health", method: .get, headers: [.authorization: value]) { response in
                    #expect(response.status == .unauthorized, "\(value)")
                }
            }
        }
    }

    @Test("an expired token signs nobody in")
    func expired() async throws {
        let fixture = try await ServerFixture.make()
        let issued = try await fixture.store.issueAccessToken(
            to: EmailAddress("riley@debrief.example"), label: "old", lifetime: 60, now: Date(timeIntervalSinceNow: -120),
            by: .localOperator(named: "tester"))
        try await fixture.test { client in
            try await client.execute(uri: "/api/me", method: .get, headers: Headers.bearer(issued.token)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("a bearer token says who is asking")
    func me() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/api/me", method: .get, headers: Headers.bearer(fixture.interviewer)) { response in
                #expect(response.status == .ok)
                let me = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(me?["label"] as? String == "ines@debrief.example")
                #expect(me?["role"] as? String == "interviewer")
            }
        }
    }

    /// The sign-in form as a browser gets it: its form-proof cookie and the proof in its hidden field.
    static func signInForm(_ client: some TestClientProtocol) async throws -> (cookie: String, proof: String) {
        try await client.execute(uri: "/sign-in", method: .get, headers: Headers.browser()) { response in
            let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let html = response.body.text
            let marker = "name=\"csrf\" value=\""
            let start = try #require(html.range(of: marker)?.upperBound)
            return (cookie, String(html[start...].prefix { $0 != "\"" }))
        }
    }

    static func post(
        _ client: some TestClientProtocol, _ uri: String, _ form: String, cookies: [String], session: AccessToken? = nil, origin: String? = nil
    ) async throws -> TestResponse {
        var headers = Headers.browser(session, cookies: cookies)
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let origin { headers[.origin] = origin }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form)) { $0 }
    }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    @Test("signing in with email and password sets an HttpOnly, SameSite=Strict session cookie and returns to the page asked for")
    func signIn() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let (cookie, proof) = try await Self.signInForm(client)
            let form =
                "email=Riley%40debrief.example&password=\(Self.encoded(ServerFixture.password))&next=%2Fpositions%2F\(fixture.positionID)&csrf=\(proof)"
            let response = try await Self.post(client, "/sign-in", form, cookies: [cookie])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/positions/\(fixture.positionID)")
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.hasPrefix("debrief_session=dbs_"))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
            let secret = String(setCookie.dropFirst("debrief_session=".count).prefix { $0 != ";" })
            let session = try #require(AccessToken(presented: secret, kind: .session))
            try await client.execute(uri: "/positions/\(fixture.positionID)", method: .get, headers: Headers.browser(session)) { response in
                #expect(response.status == .ok)
            }
            let stored = try await fixture.store.auditEvents(entity: "user", limit: 20).map(\.action)
            #expect(stored.contains("sign in"))
            #expect(try await fixture.store.auditEvents(limit: 200).allSatisfy { !($0.after ?? "").contains(ServerFixture.password) })
        }
    }

    @Test("a wrong password and an unknown email get the same answer, keep the email, and set no session")
    func wrongPassword() async throws {
        try await ServerFixture.make().test { client in
            let (cookie, proof) = try await Self.signInForm(client)
            var bodies: [String] = []
            for email in ["riley%40debrief.example", "nobody%40debrief.example"] {
                let response = try await Self.post(client, "/sign-in", "email=\(email)&password=wrong-password-1&csrf=\(proof)", cookies: [cookie])
                #expect(response.status == .unauthorized)
                #expect(!(response.headers[.setCookie] ?? "").contains("debrief_session"))
                #expect(response.body.text.contains("That email and password do not match an account that may sign in."))
                #expect(response.body.text.contains("<form method=\"post\" action=\"/sign-in\">"))
                bodies.append(response.body.text.replacingOccurrences(of: email.replacingOccurrences(of: "%40", with: "@"), with: "EMAIL"))
            }
            #expect(bodies[0] == bodies[1], "the answer must not tell which emails exist")
        }
    }

    @Test("after 5 failures for one account, sign-in is refused with 429 and Retry-After, even with the right password")
    func lockout() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let (cookie, proof) = try await Self.signInForm(client)
            for _ in 0..<5 {
                let failed = try await Self.post(
                    client, "/sign-in", "email=riley%40debrief.example&password=guess-guess-1&csrf=\(proof)", cookies: [cookie])
                #expect(failed.status == .unauthorized)
            }
            let right = "email=riley%40debrief.example&password=\(Self.encoded(ServerFixture.password))&csrf=\(proof)"
            let locked = try await Self.post(client, "/sign-in", right, cookies: [cookie])
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 800)
            #expect(!(locked.headers[.setCookie] ?? "").contains("debrief_session"))
            #expect(try await fixture.store.auditEvents(entity: "user", limit: 50).contains { $0.action == "sign-in lockout" })
        }
    }

    @Test("a sign-in form without its proof, or posted from another site, is refused")
    func forgedForms() async throws {
        try await ServerFixture.make().test { client in
            let (cookie, proof) = try await Self.signInForm(client)
            let right = "email=riley%40debrief.example&password=\(Self.encoded(ServerFixture.password))"
            for (form, cookies, origin) in [
                (right, [cookie], nil), (right + "&csrf=\(proof)", [String](), nil),
                (right + "&csrf=\(proof.first == "0" ? "1" : "0")\(proof.dropFirst())", [cookie], nil),
                (right + "&csrf=\(proof)", [cookie], "https://evil.example"),
            ] {
                let response = try await Self.post(client, "/sign-in", form, cookies: cookies, origin: origin)
                #expect(response.status == .forbidden, "\(form) \(cookies) \(origin ?? "")")
                #expect(!(response.headers[.setCookie] ?? "").contains("debrief_session"))
            }
        }
    }

    @Test("sign-in never redirects off the site", arguments: ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"])
    func openRedirect(next: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let (cookie, proof) = try await Self.signInForm(client)
            let form = "email=riley%40debrief.example&password=\(Self.encoded(ServerFixture.password))&next=\(Self.encoded(next))&csrf=\(proof)"
            let response = try await Self.post(client, "/sign-in", form, cookies: [cookie])
            #expect(response.headers[.location] == "/")
        }
    }

    @Test("every response carries the security headers")
    func securityHeaders() async throws {
        try await ServerFixture.make().test { client in
            for path in ["/health", "/sign-in", "/api/me", "/nope"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true, "\(path)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                    #expect(response.headers[.cacheControl] == "no-store", "\(path)")
                }
            }
        }
    }

    static func attributes(_ header: String?) -> [String] {
        (header ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A Set-Cookie that empties the session cookie at once (attribute order varies).
    static func clearsSession(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("debrief_session=;") else { return false }
        return header.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces) == "Max-Age=0" }
    }
}
