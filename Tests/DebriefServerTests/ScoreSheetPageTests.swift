import DebriefCore
import DebriefServer
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The score-sheet page: a whole sheet stored with a summary, or every problem by line and column and nothing stored.
@Suite("Score sheet page")
struct ScoreSheetPageTests {
    static let header = "position,candidate_name,candidate_email,round,interviewer_email,competency,rating,recommendation,submitted_at,note"

    static func post(_ client: some TestClientProtocol, _ fields: [(String, String)], file: Data? = nil, session: AccessToken) async throws
        -> TestResponse
    {
        let body = QuestionBankPageTests.multipart(fields, file: file.map { ("ratings.csv", $0) })
        var headers = Headers.browser(session)
        headers[.contentType] = "multipart/form-data; boundary=\(QuestionBankPageTests.boundary)"
        return try await client.execute(uri: "/score-sheets", method: .post, headers: headers, body: body) { $0 }
    }

    @Test("an uploaded sheet is stored whole and summarised; a bad one lists each problem and stores nothing")
    func sheets() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        let good =
            Self.header
            + "\nBackend Engineer,Linus Torvalds,linus@example.com,technical,margaret@example.com,apis-http,4,strong_yes,2026-12-02,Fast\n"
        let bad =
            Self.header + """

                Backend Engineer,Linus Torvalds,linus@example.com,technical,margaret@example.com,apis-http,9,strong_yes,2026-12-02,
                Backend Engineer,Nobody,nobody@example.com,technical,ghost@example.com,apis-http,3,yes,2026-12-02,
                """
        try await fixture.test { client in
            let rejected = try await Self.post(client, [("csrf", session.formProof), ("csv", bad)], session: session)
            #expect(rejected.status == .unprocessableContent)
            let html = rejected.body.text
            #expect(
                html.contains("problems; nothing was stored")
                    && html.contains("<td class=\"num\">2</td><td>candidate_email</td><td>no candidate linus@example.com"), "\(html)")
            #expect(html.contains("Backend Engineer,Nobody,nobody@example.com"), "the pasted sheet is kept")
            let stored = try await Self.post(
                client, [("csrf", session.formProof), ("create_missing", "yes"), ("rubric", "backend-engineer")], file: Data(good.utf8),
                session: session)
            #expect(stored.status == .ok && stored.body.text.contains("1 scorecards submitted, 0 amended, 0 unchanged."), "\(stored.body.text)")
            let empty = try await Self.post(client, [("csrf", session.formProof), ("csv", " ")], session: session)
            #expect(empty.status == .unprocessableContent && empty.body.text.contains("choose a CSV file or paste one"))
            let forged = try await Self.post(client, [("csv", good)], session: session)
            #expect(forged.status == .forbidden)
            let interviewer = try await Self.post(
                client, [("csrf", fixture.interviewerSession.formProof), ("csv", good)], session: fixture.interviewerSession)
            #expect(interviewer.status == .forbidden)
        }
        #expect(try await fixture.store.candidates().contains { $0.email.value == "linus@example.com" })
        #expect(try await fixture.store.candidates().contains { $0.email.value == "nobody@example.com" } == false)
    }
}
