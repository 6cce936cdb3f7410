import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Metrics
import Prometheus
import Testing

/// `/metrics` in Prometheus's text format, open to admins and loopback callers only.
@Suite("Metrics")
struct MetricsTests {
    /// swift-metrics takes one backend per process; the tests share this registry.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    @Test("requests by route and status, latency, sign-in failures and scorecards are counted; only admins read them here")
    func metrics() async throws {
        let (fixture, dana, _) = try await AdminPageTests.admin()
        let options = DebriefApplication.Options(
            rubrics: RubricCatalog(rubrics: [fixture.rubric]), passwordCost: ServerFixture.passwordCost, metrics: Self.registry)
        let app = Application(router: DebriefApplication.router(database: fixture.store, options: options))
        let service = DebriefService(database: fixture.store, rubrics: nil, passwordCost: ServerFixture.passwordCost)
        _ = try? await service.signIn(email: "ines@debrief.example", password: "not her password", client: "metrics-test")
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: .get) { $0 }
            let draft = "csrf=\(dana.formProof)&interviewer=omar%40debrief.example&action=draft&rating.system-design=2"
            #expect(try await InterviewPageTests.post(client, "/rounds/2/scorecard", draft, session: dana).status == .seeOther)
            let text = try await client.execute(uri: "/metrics", method: .get, headers: Headers.browser(dana)) { response in
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return response.body.text
            }
            #expect(text.contains("hb_requests") && text.contains("http_route=\"/healthz\""), "\(text.prefix(1500))")
            #expect(text.contains("http_server_request_duration_bucket"))
            #expect(text.contains("debrief_sign_in_failures_total"))
            #expect(text.contains("debrief_scorecards_saved_total"))
            #expect(text.contains("debrief_database_wait_seconds_bucket") && text.contains("access=\"write\""), "the database wait histogram")
            #expect(
                try await client.execute(uri: "/metrics", method: .get, headers: Headers.browser(fixture.recruiterSession)) { $0.status }
                    == .forbidden)
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: [.accept: "application/json"]) { $0.status } == .unauthorized)
        }
    }
}
