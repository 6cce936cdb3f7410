import DebriefCore
import DebriefServer
import DebriefService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Write rate limit")
struct RateLimitTests {
    @Test("past the writes a minute one caller may make, posts get 429 with Retry-After; reads and other callers go on")
    func limit() async throws {
        let fixture = try await ServerFixture.make()
        let options = DebriefApplication.Options(
            rubrics: RubricCatalog(rubrics: [fixture.rubric]), passwordCost: ServerFixture.passwordCost, writesPerMinute: 3)
        let app = Application(router: DebriefApplication.router(database: fixture.store, options: options))
        let riley = fixture.recruiterSession
        try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<4 {
                let body = "csrf=\(riley.formProof)&name=Bulk+\(index)&email=bulk\(index)%40example.com"
                statuses.append(try await InterviewPageTests.post(client, "/candidates", body, session: riley).status)
            }
            #expect(statuses == [.seeOther, .seeOther, .seeOther, .tooManyRequests])
            let refused = try await InterviewPageTests.post(
                client, "/candidates", "csrf=\(riley.formProof)&name=X&email=x%40example.com", session: riley)
            #expect(refused.status == .tooManyRequests && Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try await InterviewPageTests.page(client, "/candidates", session: riley).status == .ok, "reads are not limited")
            let ines = fixture.interviewerSession
            let other = try await InterviewPageTests.post(client, "/rounds/1/scorecard", "csrf=\(ines.formProof)&action=draft", session: ines)
            #expect(other.status != .tooManyRequests, "another person has a bucket of their own")
        }
        #expect(try await fixture.store.candidates().count == 4, "the refused writes stored nothing")
    }
}
