import DebriefCore
import DebriefServer
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Question health through its routes: the page, the bank's set page and the API.
@Suite("Question health pages and API")
struct QuestionHealthRouteTests {
    static let hostileQuestion = "<img src=x onerror=alert(9)> What makes a retry safe?"

    /// The fixture, plus a set of one question that two interviewers rated for twelve candidates
    /// (one of them giving no signal once).
    static func rated() async throws -> ServerFixture {
        let fixture = try await ServerFixture.make()
        let admin = Principal.localOperator(named: "tester")
        let set = try QuestionSet(
            title: "Reliability questions", source: "reliability.html", contentHash: "sha256:reliability",
            importedAt: Date(timeIntervalSince1970: 1_800_000_000), questions: [try Question(ordinal: 1, text: hostileQuestion)])
        guard case .stored(let stored) = try await fixture.store.importQuestionSet(set, by: admin) else { throw CancellationError() }
        let question = try #require(stored.questions.first?.id)
        let ines = try await fixture.store.user(email: EmailAddress("ines@debrief.example"))
        let omar = try await fixture.store.addUser(User(name: "Omar", email: EmailAddress("omar@debrief.example"), role: .interviewer), by: admin)
        for n in 0..<12 {
            let candidate = try await fixture.store.addCandidate(
                Candidate(name: "Candidate \(n)", email: EmailAddress("c\(n)@example.com"), phone: nil, source: nil), by: admin)
            let round = try await fixture.store.scheduleRound(
                Round(
                    candidateID: candidate.id!, positionID: fixture.positionID, kind: .technical,
                    scheduledAt: Date(timeIntervalSince1970: 1_800_000_000), interviewerIDs: [ines.id!, omar.id!]),
                rubric: fixture.rubric, by: admin)
            for (offset, interviewer) in [ines, omar].enumerated() {
                let point = 1 + (n + offset) % 4
                let asked: RatingValue = n == 0 && offset == 1 ? .noSignal : .point(1 + (n + offset * (n % 2)) % 4)
                let ratings = [
                    try Rating(competencyID: "reliability-security", value: .point(point)),
                    try Rating(competencyID: "reliability-security", questionID: question, value: asked),
                ]
                _ = try await fixture.store.saveScorecard(
                    Scorecard(
                        roundID: round.id!, interviewerID: interviewer.id!, state: .submitted, rubricID: fixture.rubric.id,
                        rubricHash: fixture.rubric.contentHash, scale: fixture.rubric.ratingScale, ratings: ratings, recommendation: .yes,
                        submittedAt: Date(timeIntervalSince1970: 1_800_003_600)),
                    rubric: fixture.rubric, by: admin)
            }
        }
        return fixture
    }

    @Test("the page lists the rated question with its figures, escaped, for the bank or one position; bad positions are refused")
    func page() async throws {
        let fixture = try await Self.rated()
        try await fixture.test { client in
            let bank = try await InterviewPageTests.page(client, "/questions/health", session: fixture.recruiterSession)
            #expect(bank.status == .ok)
            let html = bank.body.text
            #expect(
                html.contains("<h1>Question health: the whole bank</h1>")
                    && html.contains("1 question of the bank rated across every position (from Reliability questions v1); "))
            #expect(html.contains("&lt;img src=x onerror=alert(9)&gt; What makes a retry safe?") && !html.contains("<img src=x"))
            #expect(
                html.contains("<td class=\"num\" data-label=\"Asked\">24</td><td class=\"num\" data-label=\"No signal\">4%</td>"),
                "asked 24 times, one of them no signal")
            #expect(html.contains("href=\"/questions/sets/1#question-"), "the question links to its set's page")
            let position = try await InterviewPageTests.page(
                client, "/questions/health?position=\(fixture.positionID)", session: fixture.recruiterSession)
            #expect(position.status == .ok && position.body.text.contains("<h1>Question health: Backend Engineer</h1>"))
            #expect(position.body.text.contains("<option value=\"\(fixture.positionID)\" selected>Backend Engineer</option>"))
            let unknown = try await InterviewPageTests.page(client, "/questions/health?position=99", session: fixture.recruiterSession)
            #expect(unknown.status == .notFound && unknown.body.text.contains("no position #99"))
            let bogus = try await InterviewPageTests.page(client, "/questions/health?position=first", session: fixture.recruiterSession)
            #expect(bogus.status == .badRequest && bogus.body.text.contains("position must be a position&#39;s number, not &#39;first&#39;"))
            let interviewer = try await InterviewPageTests.page(client, "/questions/health", session: fixture.interviewerSession)
            #expect(interviewer.status == .forbidden)
        }
    }

    @Test("the set's page shows each rated question's health beside it")
    func setPage() async throws {
        let fixture = try await Self.rated()
        try await fixture.test { client in
            let page = try await InterviewPageTests.page(client, "/questions/sets/1", session: fixture.recruiterSession)
            let html = page.body.text
            #expect(page.status == .ok)
            #expect(html.contains("1 question of this set rated in interviews so far."))
            #expect(html.contains("<p class=\"meta health\">asked 24 · no signal 4% · mean "), "\(html)")
            #expect(html.contains("on 1–4 · tracks its competency r "))
        }
    }

    @Test("the API returns the report's JSON, its other formats, and problems for unknown positions and sets")
    func api() async throws {
        let fixture = try await Self.rated()
        try await fixture.test { client in
            let json = try await client.execute(uri: "/api/v1/reports/questions", method: .get, headers: Headers.bearer(fixture.recruiter)) { $0 }
            #expect(json.status == .ok && json.headers[.contentType] == "application/json" && json.headers[.eTag] != nil)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.body.text.utf8)) as? [String: Any])
            let questions = try #require(report["questions"] as? [[String: Any]])
            #expect(questions.count == 1 && questions[0]["asked"] as? Int == 24 && questions[0]["rated"] as? Int == 23)
            #expect(questions[0]["text"] as? String == Self.hostileQuestion, "JSON carries the text as typed; pages escape it")
            #expect(questions[0]["item_total_correlation"] is Double && questions[0]["agreement"] is Double)
            let csv = try await client.execute(
                uri: "/api/v1/reports/questions?format=csv&position=\(fixture.positionID)&set=1", method: .get,
                headers: Headers.bearer(fixture.recruiter)
            ) { $0 }
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true && csv.body.text.hasPrefix("question_id,question,"))
            let unknown = try await client.execute(
                uri: "/api/v1/reports/questions?position=99", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) {
                $0
            }
            #expect(unknown.status == .notFound && unknown.body.text.contains("no position #99"))
            let noSet = try await client.execute(uri: "/api/v1/reports/questions?set=42", method: .get, headers: Headers.bearer(fixture.recruiter)) {
                $0
            }
            #expect(noSet.status == .notFound && noSet.body.text.contains("no question set #42"))
            let bad = try await client.execute(
                uri: "/api/v1/reports/questions?position=abc", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) { $0 }
            #expect(bad.status == .badRequest)
            let interviewer = try await client.execute(uri: "/api/v1/reports/questions", method: .get, headers: Headers.bearer(fixture.interviewer)) {
                $0
            }
            #expect(interviewer.status == .forbidden)
        }
    }
}
