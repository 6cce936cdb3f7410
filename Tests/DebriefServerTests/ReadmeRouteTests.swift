import DebriefCore
import DebriefServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The routes README.md documents, as it says they behave (issue #10, items 26 and 28).
@Suite("The routes do what README.md says")
struct ReadmeRouteTests {
    @Test("26: an unknown candidate is called unknown, with no command-line advice")
    func unknownCandidate() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/positions/\(fixture.positionID)/candidates/999", method: .get, headers: Headers.bearer(fixture.recruiter))
            {
                response in
                #expect(response.status == .notFound)
                #expect(response.body.text.contains("no candidate #999"), "\(response.body.text)")
                #expect(!response.body.text.contains("--"))
            }
            try await client.execute(
                uri: "/api/positions/\(fixture.positionID)/candidates/999/report", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) { response in
                #expect(response.status == .notFound && response.body.text.contains("no candidate #999"))
            }
        }
    }

    @Test("26: a candidate with no rounds for the position is told so, with no command-line advice")
    func candidateElsewhere() async throws {
        let fixture = try await ServerFixture.make()
        let other = try await fixture.store.addCandidate(
            Candidate(name: "Grace", email: EmailAddress("grace@example.com")), by: .localOperator(named: "tester"))
        try await fixture.test { client in
            try await client.execute(
                uri: "/positions/\(fixture.positionID)/candidates/\(other.id!)", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.body.text.contains("candidate #\(other.id!) has no rounds for Backend Engineer"), "\(response.body.text)")
                #expect(!response.body.text.contains("--position"))
            }
        }
    }

    @Test(
        "28: HEAD is answered wherever GET is, with the same status and headers and no body",
        arguments: [
            "/health", "/sign-in", "/", "/positions/1", "/positions/1/candidates/1", "/api/me", "/api/positions", "/api/positions/1/report",
        ])
    func head(path: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let get = try await client.execute(uri: path, method: .get, headers: Headers.bearer(fixture.recruiter)) { $0 }
            try await client.execute(uri: path, method: .head, headers: Headers.bearer(fixture.recruiter)) { response in
                #expect(response.status == get.status, "\(path)")
                #expect(response.status != .notFound)
                #expect(response.headers[.contentType] == get.headers[.contentType])
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}
