import DebriefCore
import DebriefServer
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What operators and their probes meet: liveness, readiness and a request id on every response.
@Suite("Operating the server")
struct OperationsTests {
    @Test("/healthz says the process is alive with its versions; /readyz that the database is reachable and migrated")
    func probes() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.text.utf8)) as? [String: Any]
                #expect(body?["status"] as? String == "ok" && body?["schema_version"] as? String == AppDatabase.schemaVersion)
                #expect(body?["version"] as? String != nil)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok && response.body.text.contains("reachable and migrated"))
            }
            #expect(try await client.execute(uri: "/readyz", method: .head) { $0.status } == .ok)
        }
    }

    @Test("every response carries a request id: the caller's when it is a sensible token, else a new one")
    func requestID() async throws {
        let fixture = try await ServerFixture.make()
        let header = HTTPField.Name("X-Request-Id")!
        try await fixture.test { client in
            let echoed = try await client.execute(uri: "/healthz", method: .get, headers: [header: "proxy-1234.abc"]) { $0.headers[header] }
            #expect(echoed == "proxy-1234.abc")
            let made = try await client.execute(uri: "/healthz", method: .get) { $0.headers[header] }
            #expect((made ?? "").count >= 8)
            let hostile = try await client.execute(uri: "/healthz", method: .get, headers: [header: "x\"} <script>"]) { $0.headers[header] }
            #expect(hostile != nil && hostile != "x\"} <script>")
            let missing = try await client.execute(uri: "/nowhere", method: .get, headers: [header: "trace-42"]) { ($0.status, $0.headers[header]) }
            #expect(missing.0 == .notFound && missing.1 == "trace-42", "errors carry the id too")
            var headers = Headers.browser(fixture.recruiterSession)
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[header] = "trace-77"
            let body = ByteBuffer(string: "csrf=\(fixture.recruiterSession.formProof)&name=Grace&email=grace%40example.com")
            #expect(try await client.execute(uri: "/candidates", method: .post, headers: headers, body: body) { $0.status } == .seeOther)
        }
        let created = try #require(try await fixture.store.auditEvents(entity: "candidate").first)
        #expect(created.action == "create" && created.requestID == "trace-77", "the audit event names the request that made it")
        let cli = try await fixture.store.auditEvents(entity: "position").first
        #expect(cli?.requestID == nil, "changes made outside a request have none")
    }
}
