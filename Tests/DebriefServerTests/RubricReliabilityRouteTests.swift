import DebriefCore
import DebriefServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The rubric's reliability study through its page, the position page's link to it, and the API.
@Suite("The rubric reliability page and API")
struct RubricReliabilityRouteTests {
    @Test("the position page links to the rubric's study, whose page and JSON say why it is refused on one scorecard")
    func refusedStudy() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let position = try await InterviewPageTests.page(client, "/positions/\(fixture.positionID)", session: fixture.recruiterSession)
            #expect(
                position.body.text.contains("<a href=\"/rubrics/backend-engineer/reliability\">The same study across every position scored against"))
            let page = try await InterviewPageTests.page(client, "/rubrics/backend-engineer/reliability", session: fixture.recruiterSession)
            #expect(page.status == .ok)
            let html = page.body.text
            #expect(html.contains("1 candidate across 1 position scored against it."))
            #expect(
                html.contains("Too little data for a reliability study yet")
                    && html.contains("<a href=\"/positions/\(fixture.positionID)\">Backend Engineer</a>"))
            let api = try await client.execute(
                uri: "/api/v1/rubrics/backend-engineer/reliability", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) { $0 }
            #expect(api.status == .ok && api.headers[.contentType] == "application/json")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(api.body.text.utf8)) as? [String: Any])
            #expect((report["positions"] as? [[String: Any]])?.map { $0["scorecards"] as? Int } == [1])
            #expect((report["reliability"] as? [String: Any])?["g"] is NSNull)
            #expect(
                (report["notes"] as? [String])?.first?.hasPrefix(
                    "the reliability study is not shown: a reliability study needs at least 10 rated candidates") == true)
            let markdown = try await client.execute(
                uri: "/api/v1/rubrics/backend-engineer/reliability?format=md", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) { $0 }
            #expect(markdown.headers[.contentType]?.hasPrefix("text/markdown") == true && markdown.body.text.hasPrefix("# Reliability of the "))
            let unknown = try await client.execute(uri: "/api/v1/rubrics/nope/reliability", method: .get, headers: Headers.bearer(fixture.recruiter))
            { $0 }
            #expect(unknown.status == .notFound && unknown.body.text.contains("no position using rubric nope"))
            let unknownPage = try await InterviewPageTests.page(client, "/rubrics/nope/reliability", session: fixture.recruiterSession)
            #expect(unknownPage.status == .notFound)
            let interviewer = try await client.execute(
                uri: "/api/v1/rubrics/backend-engineer/reliability", method: .get, headers: Headers.bearer(fixture.interviewer)
            ) { $0 }
            #expect(interviewer.status == .forbidden)
        }
    }
}
