import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The recruiter's pipeline and candidate pages, through their routes: adding, moving, scheduling,
/// changing a round, and logging a scorecard on a panel member's behalf.
@Suite("Recruiters' pipeline and candidate pages")
struct CandidatePageTests {
    typealias Pages = InterviewPageTests

    @Test("the pipeline groups candidates by stage with counts, searches names and emails, and is closed to interviewers")
    func pipeline() async throws {
        let (fixture, omar, _) = try await Pages.panel()
        let admin = Principal.localOperator(named: "tester")
        _ = try await fixture.store.addCandidate(Candidate(name: "Linus 50% Torvalds", email: EmailAddress("linus@example.com")), by: admin)
        _ = try await fixture.store.moveCandidate(.email(EmailAddress("linus@example.com")), to: .screening, by: admin)
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let page = try await Pages.page(client, "/candidates", session: session)
            #expect(page.status == .ok)
            let html = page.body.text
            #expect(html.contains("<h2 id=\"stage-applied\">applied <span class=\"meta\">(1)</span></h2>"), "\(html)")
            #expect(html.contains("<h2 id=\"stage-screening\">screening <span class=\"meta\">(1)</span></h2>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ada") && !html.contains("<script>alert(1)"))
            let search = try await Pages.page(client, "/candidates?q=LINUS", session: session).body.text
            #expect(search.contains("Linus 50% Torvalds") && !search.contains("alert(1)"))
            let byEmail = try await Pages.page(client, "/candidates?q=ada%40example", session: session).body.text
            #expect(byEmail.contains("/candidates/1\"") && !byEmail.contains("Linus"))
            let wildcard = try await Pages.page(client, "/candidates?q=%25", session: session).body.text
            #expect(wildcard.contains("Linus") && !wildcard.contains("alert(1)"), "a % is searched for, not a wildcard")
            let position = try await Pages.page(client, "/candidates?position=1", session: session).body.text
            #expect(position.contains("/candidates/1\"") && !position.contains("Linus"), "only candidates with a round for the position")
            let stage = try await Pages.page(client, "/candidates?stage=screening", session: session).body.text
            #expect(stage.contains("Linus") && !stage.contains("stage-applied"))
            #expect(try await Pages.page(client, "/candidates?stage=lunch", session: session).status == .badRequest)
            #expect(try await Pages.page(client, "/candidates", session: omar).status == .forbidden)
            #expect(try await Pages.page(client, "/candidates/1", session: omar).status == .forbidden)
        }
    }

    @Test("adding a candidate: stored and shown; a taken or malformed email comes back on its field with the values kept")
    func add() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let proof = session.formProof
            let added = try await Pages.post(
                client, "/candidates", "csrf=\(proof)&name=Grace+Hopper&email=grace%40example.com&phone=&source=referral", session: session)
            #expect(added.status == .seeOther && added.headers[.location] == "/candidates/2")
            let taken = try await Pages.post(client, "/candidates", "csrf=\(proof)&name=Grace+Again&email=GRACE%40example.com", session: session)
            #expect(taken.status == .unprocessableContent)
            let html = taken.body.text
            #expect(html.contains("id=\"new-email-error\">another candidate already has the email"), "\(html)")
            #expect(html.contains("value=\"Grace Again\""), "the typed name is kept")
            let malformed = try await Pages.post(client, "/candidates", "csrf=\(proof)&name=X&email=not-an-email", session: session)
            #expect(malformed.status == .unprocessableContent && malformed.body.text.contains("id=\"new-email-error\""))
            let blank = try await Pages.post(client, "/candidates", "csrf=\(proof)&name=+&email=b%40example.com", session: session)
            #expect(blank.status == .unprocessableContent && blank.body.text.contains("id=\"new-name-error\""))
            let forged = try await Pages.post(client, "/candidates", "name=Mallory&email=m%40example.com", session: session)
            #expect(forged.status == .forbidden)
        }
        #expect(try await fixture.store.candidates().map(\.email.value).sorted() == ["ada@example.com", "grace@example.com"])
    }

    @Test("a candidate is moved only as the pipeline allows; the page offers only those moves")
    func move() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let page = try await Pages.page(client, "/candidates/1", session: session).body.text
            #expect(page.contains("<option value=\"screening\">screening</option>") && !page.contains("<option value=\"hired\">"))
            let skipped = try await Pages.post(client, "/candidates/1/stage", "csrf=\(session.formProof)&stage=hired", session: session)
            #expect(skipped.status == .unprocessableContent && skipped.body.text.contains("cannot move from &#39;applied&#39; to &#39;hired&#39;"))
            let moved = try await Pages.post(client, "/candidates/1/stage", "csrf=\(session.formProof)&stage=screening", session: session)
            #expect(moved.status == .seeOther && moved.headers[.location] == "/candidates/1?done=moved")
        }
        #expect(try await fixture.store.candidate(.id(1)).stage == .screening)
    }

    @Test("scheduling a round: kind, time in its zone, panel and question set; mistakes come back on their fields")
    func schedule() async throws {
        let (fixture, _, _) = try await Pages.panel()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let proof = session.formProof
            let page = try await Pages.page(client, "/candidates/1", session: session).body.text
            #expect(page.contains("<option value=\"system_design\"") && page.contains("Design kit (v1, 1 question)"))
            let noPanel = try await Pages.post(
                client, "/candidates/1/rounds", "csrf=\(proof)&position=1&kind=hr&at=2026-12-03T14%3A30&zone=Europe%2FBerlin", session: session)
            #expect(
                noPanel.status == .unprocessableContent
                    && noPanel.body.text.contains("id=\"panel-error\" role=\"alert\">a round needs at least one interviewer"))
            #expect(noPanel.body.text.contains("value=\"2026-12-03T14:30\"") && noPanel.body.text.contains("<option selected>Europe/Berlin</option>"))
            let badTime = try await Pages.post(
                client, "/candidates/1/rounds", "csrf=\(proof)&position=1&kind=hr&at=tomorrow&zone=UTC&interviewer=omar%40debrief.example",
                session: session)
            #expect(badTime.status == .unprocessableContent && badTime.body.text.contains("id=\"round-at-error\">&#39;tomorrow&#39; is not a date"))
            let badZone = try await Pages.post(
                client, "/candidates/1/rounds",
                "csrf=\(proof)&position=1&kind=hr&at=2026-12-03T14%3A30&zone=Mars%2FOlympus&interviewer=omar%40debrief.example",
                session: session)
            #expect(badZone.status == .unprocessableContent && badZone.body.text.contains("is not a time zone"))
            #expect(!badZone.body.text.contains("id=\"round-at-error\""), "a good time under a bad zone is not called missing")
            let scheduled = try await Pages.post(
                client, "/candidates/1/rounds",
                "csrf=\(proof)&position=1&kind=hr&at=2026-12-03T14%3A30&zone=Europe%2FBerlin&interviewer=omar%40debrief.example&interviewer=ines%40debrief.example&question_set=1",
                session: session)
            #expect(scheduled.status == .seeOther && scheduled.headers[.location] == "/candidates/1?done=scheduled")
        }
        let round = try #require(try await fixture.store.rounds(candidateID: 1).first { $0.kind == .hr })
        #expect(round.scheduledAt == ISO8601.parse("2026-12-03T13:30:00Z"), "14:30 in Berlin in December is 13:30 UTC")
        #expect(round.interviewerIDs.count == 2 && round.questionSetID == 1)
    }

    @Test("a round's time and panel change; someone who has a scorecard for it stays on the panel")
    func changeRound() async throws {
        let (fixture, _, _) = try await Pages.panel()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let form = try await Pages.page(client, "/rounds/2/edit", session: session).body.text
            #expect(form.contains("value=\"2027-01-16T"), "the current time is filled in")
            let dropInes = try await Pages.post(
                client, "/rounds/2", "csrf=\(session.formProof)&at=2027-02-01T09%3A00&zone=UTC&interviewer=omar%40debrief.example", session: session)
            #expect(
                dropInes.status == .unprocessableContent
                    && dropInes.body.text.contains("Ines has a scorecard for this round, so they stay on its panel"))
            let moved = try await Pages.post(
                client, "/rounds/2",
                "csrf=\(session.formProof)&at=2027-02-01T09%3A00&zone=America%2FNew_York&interviewer=omar%40debrief.example&interviewer=ines%40debrief.example&interviewer=riley%40debrief.example",
                session: session)
            #expect(moved.status == .seeOther && moved.headers[.location] == "/candidates/1?done=changed")
        }
        let round = try await fixture.store.round(id: 2)
        #expect(round.scheduledAt == ISO8601.parse("2027-02-01T14:00:00Z") && round.interviewerIDs.count == 3)
        #expect(try await fixture.store.auditEvents(entity: "round").first?.action == "reschedule")
    }

    @Test("a recruiter logs a scorecard for a panel member: stored as theirs, entered by the recruiter, shown so in the report")
    func onBehalf() async throws {
        let (fixture, omar, _) = try await Pages.panel()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let kit = try await Pages.page(client, "/rounds/2", session: session).body.text
            #expect(kit.contains("<select id=\"interviewer\" name=\"interviewer\" required>") && kit.contains("Ines-private-note"))
            let notOnPanel = try await Pages.post(
                client, "/rounds/2/scorecard", "csrf=\(session.formProof)&interviewer=riley%40debrief.example&action=draft", session: session)
            #expect(notOnPanel.status == .unprocessableContent && notOnPanel.body.text.contains("is not on this round&#39;s panel"))
            let logged = try await Pages.post(
                client, "/rounds/2/scorecard",
                "csrf=\(session.formProof)&interviewer=omar%40debrief.example&action=submit&rating.system-design=2&recommendation=no&notes=From+Omar%27s+paper+notes&confirm=yes",
                session: session)
            #expect(logged.status == .seeOther && logged.headers[.location] == "/candidates/1?done=logged")
            let amendWithoutReason = try await Pages.post(
                client, "/rounds/2/scorecard",
                "csrf=\(session.formProof)&interviewer=omar%40debrief.example&action=submit&rating.system-design=3&recommendation=yes&confirm=yes",
                session: session)
            #expect(amendWithoutReason.status == .unprocessableContent && amendWithoutReason.body.text.contains("id=\"reason-error\">"))
            let report = try await client.execute(
                uri: "/api/positions/1/candidates/1/report", method: .get, headers: Headers.bearer(fixture.recruiter)
            ) { $0.body.text }
            #expect(report.contains("\"entered_by\" : \"riley@debrief.example\""), "\(report)")
            let page = try await Pages.page(client, "/candidates/1", session: session).body.text
            #expect(page.contains("entered by riley@debrief.example"))
            let omarsView = try await Pages.page(client, "/rounds/2", session: omar).body.text
            #expect(omarsView.contains("My scorecard (submitted"), "Omar finds the scorecard as his own")
        }
        let cards = try await fixture.store.scorecards(roundID: 2)
        let omars = try #require(cards.first { $0.notes == "From Omar's paper notes" })
        #expect(omars.enteredByID == 1 && omars.state == .submitted)
        #expect(try await fixture.store.auditEvents(entity: "scorecard").first?.actor == "riley@debrief.example")
    }

    @Test("amending my own submitted scorecard needs a reason, then stores the next version")
    func amend() async throws {
        let fixture = try await ServerFixture.make()
        let ines = fixture.interviewerSession
        try await fixture.test { client in
            let locked = try await Pages.page(client, "/rounds/1", session: ines).body.text
            #expect(locked.contains("href=\"/rounds/1?amend=1\""))
            let form = try await Pages.page(client, "/rounds/1?amend=1", session: ines).body.text
            #expect(form.contains("id=\"reason\"") && form.contains("required") && form.contains("value=\"4\" checked"))
            #expect(!form.contains("value=\"draft\""), "an amendment is submitted, not drafted")
            let fields =
                "csrf=\(ines.formProof)&action=submit&rating.fundamentals=3&rating.apis-http=4&rating.databases=3&rating.reliability-security=3&recommendation=yes&confirm=yes"
            let noReason = try await Pages.post(client, "/rounds/1/scorecard", fields, session: ines)
            #expect(noReason.status == .unprocessableContent && noReason.body.text.contains("id=\"reason-error\">"))
            let amended = try await Pages.post(client, "/rounds/1/scorecard", fields + "&reason=I+misread+the+databases+answer", session: ines)
            #expect(amended.status == .seeOther)
        }
        let versions = try await fixture.store.scorecards(roundID: 1)
        #expect(versions.map(\.version) == [1, 2] && versions.last?.amendReason == "I misread the databases answer")
    }
}
