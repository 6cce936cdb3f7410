import DebriefCore
import DebriefServer
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefService

/// Large reports and imports beyond the server's heavy-work limits, through their routes: `503`
/// with `Retry-After`, and the work runs once the server is free.
@Suite("Heavy work through the routes")
struct HeavyWorkRouteTests {
    /// Runs `body` against the app over a service whose every report and import counts as heavy,
    /// one at a time.
    static func test(_ fixture: ServerFixture, _ body: @Sendable (DebriefService, any TestClientProtocol) async throws -> Void) async throws {
        let service = DebriefService(
            database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]), passwordCost: ServerFixture.passwordCost,
            heavyWork: HeavyWorkLimits(concurrent: 1, memoryBudget: 64 * 1_048_576, lightBelow: 0))
        let options = DebriefApplication.Options(rubrics: service.rubrics, passwordCost: ServerFixture.passwordCost)
        let app = Application(router: DebriefApplication.router(service: service, options: options))
        try await app.test(.router) { client in try await body(service, client) }
    }

    /// Occupies the service's one heavy-work place until the returned closure is called.
    static func occupy(_ service: DebriefService) async throws -> @Sendable () async throws -> Void {
        let (started, startedWriter) = AsyncStream<Void>.makeStream()
        let (release, releaseWriter) = AsyncStream<Void>.makeStream()
        let held = Task {
            try await service.heavyWork.run("held", estimatedBytes: 1) {
                startedWriter.yield()
                for await _ in release { break }
            }
        }
        for await _ in started { break }
        return {
            releaseWriter.yield()
            try await held.value
        }
    }

    @Test("a cold position report over the API and the pack in the browser are 503 with Retry-After while the place is taken")
    func reportsRefusedThenServed() async throws {
        let fixture = try await ServerFixture.make()
        try await Self.test(fixture) { service, client in
            let release = try await Self.occupy(service)
            let api = "/api/v1/positions/\(fixture.positionID)/report"
            try await client.execute(uri: api, method: .get, headers: Headers.bearer(fixture.recruiter)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == String(HeavyWorkGate.retryAfter))
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                #expect(response.body.text.contains("position report was not started; try again in"), "\(response.body.text)")
            }
            try await client.execute(uri: "/positions/\(fixture.positionID)", method: .get, headers: Headers.browser(fixture.recruiterSession)) {
                #expect($0.status == .serviceUnavailable && $0.headers[.retryAfter] != nil)
            }
            #expect(service.heavyWork.refused == 2)
            try await release()
            try await client.execute(uri: api, method: .get, headers: Headers.bearer(fixture.recruiter)) { #expect($0.status == .ok) }
        }
    }

    @Test("an import over the API is 503, and the web form comes back 503 with what was pasted")
    func importsRefused() async throws {
        let fixture = try await ServerFixture.make()
        let page = "<html><head><title>Queues</title></head><body><h2>1. What is a queue?</h2><p>A line.</p></body></html>"
        try await Self.test(fixture) { service, client in
            let release = try await Self.occupy(service)
            var headers = Headers.bearer(fixture.recruiter)
            headers[.contentType] = "text/html"
            try await client.execute(uri: "/api/v1/question-sets/import", method: .post, headers: headers, body: ByteBuffer(string: page)) {
                #expect($0.status == .serviceUnavailable && $0.headers[.retryAfter] != nil, "\($0.body.text)")
            }
            let session = fixture.recruiterSession
            let form = QuestionBankPageTests.multipart([("csrf", session.formProof), ("action", "preview"), ("html", page)])
            let response = try await QuestionBankPageTests.post(client, form, session: session)
            #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] != nil)
            #expect(response.body.text.contains("What is a queue?"), "the pasted page was lost")
            #expect(response.body.text.contains("try again in"))
            try await release()
            #expect(try await QuestionBankPageTests.post(client, form, session: session).status == .ok)
            #expect(try await fixture.store.questionSets().isEmpty, "a refused import stored something")
        }
    }
}
