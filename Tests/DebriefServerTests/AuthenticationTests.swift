import DebriefCore
import DebriefServer
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
        _ = try await fixture.store.revokeAccessTokens(
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

    @Test("signing in with a token sets an HttpOnly, SameSite=Strict session cookie and returns to the page asked for")
    func signIn() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let form = "token=\(fixture.recruiter.secret)&next=%2Fpositions%2F\(fixture.positionID)"
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/positions/\(fixture.positionID)")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("debrief_session=\(fixture.recruiter.secret);"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Path=/"))
            }
            try await client.execute(uri: "/positions/\(fixture.positionID)", method: .get, headers: Headers.browser(fixture.recruiter)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("a wrong token shows the form again with a message, and sets no cookie")
    func wrongToken() async throws {
        try await ServerFixture.make().test { client in
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(AccessToken.generate().secret)&next=%2F")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(response.body.text.contains("unknown, expired or revoked"))
                #expect(response.body.text.contains("<form method=\"post\" action=\"/sign-in\">"))
            }
        }
    }

    @Test("sign-in never redirects off the site", arguments: ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"])
    func openRedirect(next: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(fixture.recruiter.secret)&next=\(encoded)")
            ) { response in
                #expect(response.headers[.location] == "/")
            }
        }
    }

    @Test("a sign-in form posted from another site is refused")
    func crossSite() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(
                uri: "/sign-in", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example", .accept: "text/html"],
                body: ByteBuffer(string: "token=\(fixture.recruiter.secret)")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test("signing out clears the cookie; a stale cookie is cleared and the browser sent to sign in")
    func signOut() async throws {
        try await ServerFixture.make().test { client in
            try await client.execute(uri: "/sign-out", method: .post) { response in
                #expect(response.status == .seeOther)
                #expect(Self.clearsSession(response.headers[.setCookie]))
            }
            try await client.execute(uri: "/", method: .get, headers: Headers.browser(AccessToken.generate())) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sign-in")
                #expect(Self.clearsSession(response.headers[.setCookie]), "\(response.headers)")
            }
        }
    }

    @Test("behind HTTPS the session cookie is Secure, and so is the one that clears a stale session")
    func secureCookies() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test(secureCookies: true) { client in
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(fixture.recruiter.secret)")
            ) { response in
                #expect(Self.attributes(response.headers[.setCookie]).contains("Secure"))
            }
            try await client.execute(uri: "/", method: .get, headers: Headers.browser(AccessToken.generate())) { response in
                #expect(Self.clearsSession(response.headers[.setCookie]))
                #expect(Self.attributes(response.headers[.setCookie]).contains("Secure"))
            }
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
