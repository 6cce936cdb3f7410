import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// An interviewer's pages: their rounds, a round's kit and the scorecard form, blind to colleagues until they submit.
@Suite("Interviewers' pages and the scorecard form")
struct InterviewPageTests {
    /// The fixture plus Omar, an interviewer, and round #2 of the same candidate with Ines and Omar on the
    /// panel, where Ines has submitted a scorecard with a note Omar must not see before his own.
    static func panel() async throws -> (ServerFixture, omar: AccessToken, outsider: AccessToken) {
        let fixture = try await ServerFixture.make()
        let admin = Principal.localOperator(named: "tester")
        let service = DebriefService(
            database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]), passwordCost: ServerFixture.passwordCost)
        for (name, email) in [("Omar", "omar@debrief.example"), ("Olga Outsider", "olga@debrief.example")] {
            _ = try await fixture.store.addUser(User(name: name, email: EmailAddress(email), role: .interviewer), by: admin)
            try await service.setPassword(ServerFixture.password, for: EmailAddress(email), by: admin)
        }
        let page = PageUpload(
            data: Data(
                "<title>Design kit</title><h2>Q1. How would you shard <b>users</b>?</h2><p>By <em>tenant</em>.<script>alert(3)</script></p>".utf8),
            path: nil, name: nil)
        guard
            case .stored(_, let kit) = try await service.importPage(
                page, with: service.importer(rubricID: nil, overrides: nil), preview: false, by: admin)
        else { throw ServiceError.unnamedPaste }
        let request = RoundRequest(
            candidate: .id(fixture.candidateID), positionID: fixture.positionID, kind: .systemDesign,
            scheduledAt: Date(timeIntervalSince1970: 1_800_100_000),
            interviewers: [try EmailAddress("ines@debrief.example"), try EmailAddress("omar@debrief.example")], questionSetID: kit.id)
        _ = try await service.scheduleRound(request, by: admin)
        _ = try await service.submitScorecard(
            ScorecardSubmission(
                roundID: 2, interviewer: try EmailAddress("ines@debrief.example"),
                ratings: [try Rating(competencyID: "system-design", value: .point(4))],
                recommendation: .strongYes, notes: "Ines-private-note", draft: false), by: admin)
        let omar = try await service.signIn(email: "omar@debrief.example", password: ServerFixture.password, client: "t").token
        let olga = try await service.signIn(email: "olga@debrief.example", password: ServerFixture.password, client: "t").token
        return (fixture, omar, olga)
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ form: String, session: AccessToken) async throws -> TestResponse {
        var headers = Headers.browser(session)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form)) { $0 }
    }

    static func page(_ client: some TestClientProtocol, _ uri: String, session: AccessToken) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: Headers.browser(session)) { $0 }
    }

    @Test("an interviewer's home is their rounds; reports stay closed to them")
    func myInterviews() async throws {
        let (fixture, omar, _) = try await Self.panel()
        try await fixture.test { client in
            let home = try await Self.page(client, "/", session: omar)
            #expect(home.status == .seeOther && home.headers[.location] == "/interviews")
            let list = try await Self.page(client, "/interviews", session: omar)
            #expect(list.status == .ok)
            #expect(list.body.text.contains("<a href=\"/rounds/2\">") && !list.body.text.contains("<a href=\"/rounds/1\">"))
            #expect(list.body.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ada") && !list.body.text.contains("<script>"))
            #expect(
                list.body.text.contains("<td data-label=\"Round\">system design</td>") && !list.body.text.contains("system_design"),
                "kinds read as words")
            #expect(try await Self.page(client, "/positions/1", session: omar).status == .forbidden)
            // Ines submitted rounds 1 and 2; the later one comes first.
            let submitted = try await Self.page(client, "/interviews", session: fixture.interviewerSession).body.text
            let second = try #require(submitted.range(of: "<a href=\"/rounds/2\">")),
                first = try #require(submitted.range(of: "<a href=\"/rounds/1\">"))
            #expect(second.lowerBound < first.lowerBound, "submitted rounds are listed latest first")
        }
    }

    @Test("an interviewer not on the panel can neither open the round nor fill in its scorecard")
    func outsider() async throws {
        let (fixture, _, olga) = try await Self.panel()
        try await fixture.test { client in
            let page = try await Self.page(client, "/rounds/2", session: olga)
            #expect(page.status == .forbidden && !page.body.text.contains("Ines-private-note"))
            let post = try await Self.post(client, "/rounds/2/scorecard", "csrf=\(olga.formProof)&action=draft", session: olga)
            #expect(post.status == .forbidden)
        }
    }

    @Test("a draft is kept and shown again, colleagues stay hidden until submitting, then appear")
    func blindThenOpen() async throws {
        let (fixture, omar, _) = try await Self.panel()
        try await fixture.test { client in
            let before = try await Self.page(client, "/rounds/2", session: omar)
            #expect(before.status == .ok && before.body.text.contains("name=\"rating.system-design\""))
            #expect(before.body.text.contains("<title>system design round: ") && before.body.text.contains(" · system design round · "))
            #expect(!before.body.text.contains("Ines-private-note") && !before.body.text.contains("Ines: strong yes"))
            let proof = omar.formProof
            let draft = try await Self.post(
                client, "/rounds/2/scorecard", "csrf=\(proof)&action=draft&rating.system-design=3&notes=Omar+draft+note", session: omar)
            #expect(draft.status == .seeOther)
            let reloaded = try await Self.page(client, "/rounds/2", session: omar).body.text
            #expect(reloaded.contains("id=\"rating-system-design-3\" value=\"3\" checked") && reloaded.contains("Omar draft note"))
            #expect(!reloaded.contains("Ines-private-note"))

            let unconfirmed = try await Self.post(
                client, "/rounds/2/scorecard", "csrf=\(proof)&action=submit&rating.system-design=3&recommendation=yes&notes=Final", session: omar)
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.body.text.contains("tick this box to confirm") && unconfirmed.body.text.contains(">Final</textarea>"))
            #expect(!unconfirmed.body.text.contains("Ines-private-note"))
            let offScale = try await Self.post(
                client, "/rounds/2/scorecard", "csrf=\(proof)&action=draft&rating.system-design=9", session: omar)
            #expect(offScale.status == .unprocessableContent && offScale.body.text.contains("rating 9 is off the scale"))

            let submitted = try await Self.post(
                client, "/rounds/2/scorecard", "csrf=\(proof)&action=submit&rating.system-design=3&recommendation=yes&notes=Final&confirm=yes",
                session: omar)
            #expect(submitted.status == .seeOther)
            let after = try await Self.page(client, "/rounds/2", session: omar).body.text
            #expect(after.contains("My scorecard (submitted") && after.contains("3 · Strong"), "\(after)")
            #expect(after.contains("Ines-private-note") && after.contains("<h3>Ines: strong yes</h3>"))
            #expect(!after.contains("name=\"rating.system-design\""), "a submitted scorecard is read-only")
        }
    }

    @Test("the kit lists the round's question set, model answers folded, imported HTML kept safe")
    func kitQuestions() async throws {
        let (fixture, omar, _) = try await Self.panel()
        try await fixture.test { client in
            let page = try await Self.page(client, "/rounds/2", session: omar).body.text
            #expect(page.contains("<h2>Questions: Design kit</h2>"))
            #expect(page.contains("<li value=\"1\">How would you shard users?"))
            #expect(page.contains("<details><summary>Model answer</summary><p>By <em>tenant</em>.</p></details>"), "\(page)")
            #expect(!page.contains("<script>") && !page.contains("alert(3)"))
        }
        let other = try await Self.page(fixture, round: 1)
        #expect(!other.contains("Questions:"), "a round without a question set has no questions list")
    }

    /// A round's page as the fixture's interviewer Ines sees it.
    static func page(_ fixture: ServerFixture, round: Int64) async throws -> String {
        let body = Mutex("")
        try await fixture.test { client in
            let text = try await Self.page(client, "/rounds/\(round)", session: fixture.interviewerSession).body.text
            body.withLock { $0 = text }
        }
        return body.withLock { $0 }
    }

    @Test("a question asked gets an optional rating and note against one of the round's competencies; a bad one comes back on it")
    func questionRatings() async throws {
        let (fixture, omar, _) = try await Self.panel()
        try await fixture.test { client in
            let form = try await Self.page(client, "/rounds/2", session: omar).body.text
            #expect(form.contains("name=\"question.1.rating\"") && form.contains("<option value=\"system-design\" selected>"), "\(form)")
            let proof = omar.formProof
            let bad = try await Self.post(
                client, "/rounds/2/scorecard", "csrf=\(proof)&action=draft&question.1.competency=cooking&question.1.rating=3", session: omar)
            #expect(bad.status == .unprocessableContent && bad.body.text.contains("choose one of this round&#39;s competencies for question 1"))
            let saved = try await Self.post(
                client, "/rounds/2/scorecard",
                "csrf=\(proof)&action=draft&question.1.competency=system-design&question.1.rating=4&question.1.note=Sharded+by+tenant", session: omar)
            #expect(saved.status == .seeOther)
            let reloaded = try await Self.page(client, "/rounds/2", session: omar).body.text
            #expect(reloaded.contains("<option value=\"4\" selected>4 · ") && reloaded.contains("value=\"Sharded by tenant\""))
        }
        let omars = try #require(try await fixture.store.scorecards(roundID: 2).first { $0.state == .draft })
        let asked = try #require(omars.ratings.first { $0.questionID == 1 })
        #expect(asked.competencyID == "system-design" && asked.value == .point(4) && asked.note == "Sharded by tenant")
    }

    @Test("a scorecard post without its form proof is refused and stores nothing")
    func forged() async throws {
        let (fixture, omar, _) = try await Self.panel()
        try await fixture.test { client in
            let forged = try await Self.post(client, "/rounds/2/scorecard", "action=draft&rating.system-design=1", session: omar)
            #expect(forged.status == .forbidden)
        }
        #expect(try await fixture.store.scorecards(roundID: 2).count == 1)
    }
}
