import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// How a session ends (signing out, idle and absolute expiry, deactivation), how an invite starts one,
/// and its cookie behind HTTPS.
extension AuthenticationTests {
    @Test("signing out ends the session on the server; a stale cookie is cleared and the browser sent to sign in")
    func signOut() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = fixture.recruiterSession
            let forged = try await Self.post(client, "/sign-out", "csrf=nope", cookies: [], session: session)
            #expect(forged.status == .forbidden)
            let response = try await Self.post(client, "/sign-out", "csrf=\(session.formProof)", cookies: [], session: session)
            #expect(response.status == .seeOther)
            #expect(Self.clearsSession(response.headers[.setCookie]))
            for stale in [session, AccessToken.generate(.session)] {
                try await client.execute(uri: "/", method: .get, headers: Headers.browser(stale)) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/sign-in")
                    #expect(Self.clearsSession(response.headers[.setCookie]), "\(response.headers)")
                }
            }
        }
    }

    @Test("a session ends after 12 idle hours and 7 days after sign-in, whatever its use")
    func sessionExpiry() async throws {
        let fixture = try await ServerFixture.make()
        let service = DebriefService(database: fixture.store, rubrics: nil, passwordCost: ServerFixture.passwordCost)
        let start = Date(timeIntervalSince1970: 1_900_000_000)
        let idle = try await service.signIn(email: "riley@debrief.example", password: ServerFixture.password, client: "a", now: start)
        #expect(try await service.session(presenting: idle.token.secret, now: start.addingTimeInterval(11 * 3_600)) != nil)
        #expect(try await service.session(presenting: idle.token.secret, now: start.addingTimeInterval(11 * 3_600 + 12 * 3_600 + 1)) == nil)
        let busy = try await service.signIn(email: "riley@debrief.example", password: ServerFixture.password, client: "a", now: start)
        var now = start
        while now < start.addingTimeInterval(7 * 86_400 - 3_600) {
            now = now.addingTimeInterval(10 * 3_600)
            _ = try await service.session(presenting: busy.token.secret, now: min(now, start.addingTimeInterval(7 * 86_400 - 60)))
        }
        #expect(try await service.session(presenting: busy.token.secret, now: start.addingTimeInterval(7 * 86_400 + 1)) == nil)
    }

    @Test("an invite link sets a password once, within 72 hours, and signs the person in")
    func invites() async throws {
        let fixture = try await ServerFixture.make()
        let service = DebriefService(database: fixture.store, rubrics: nil, passwordCost: ServerFixture.passwordCost)
        let invite = try await service.invite(
            EmailAddress("new@debrief.example"), name: "Nia New", role: .interviewer, by: .localOperator(named: "t"))
        try await fixture.test { client in
            let path = "/invite/\(invite.token.secret)"
            let (cookie, proof) = try await client.execute(uri: path, method: .get, headers: Headers.browser()) { response in
                #expect(response.status == .ok && response.body.text.contains("Welcome, Nia New"))
                let html = response.body.text
                let start = html.range(of: "name=\"csrf\" value=\"")!.upperBound
                return (response.headers[.setCookie]!.split(separator: ";")[0].description, String(html[start...].prefix { $0 != "\"" }))
            }
            let weak = try await Self.post(client, path, "password=password123&confirmation=password123&csrf=\(proof)", cookies: [cookie])
            #expect(weak.status == .unprocessableContent && weak.body.text.contains("first passwords an attacker tries"))
            let good = Self.encoded("a passphrase of my own")
            let accepted = try await Self.post(client, path, "password=\(good)&confirmation=\(good)&csrf=\(proof)", cookies: [cookie])
            #expect(accepted.status == .seeOther && (accepted.headers[.setCookie] ?? "").hasPrefix("debrief_session=dbs_"))
            let again = try await Self.post(client, path, "password=\(good)&confirmation=\(good)&csrf=\(proof)", cookies: [cookie])
            #expect(again.status == .notFound)
        }
        #expect(try await service.signIn(email: "new@debrief.example", password: "a passphrase of my own", client: "b").user.name == "Nia New")
        let late = try await service.invite(EmailAddress("late@debrief.example"), name: nil, role: .recruiter, by: .localOperator(named: "t"))
        #expect(try await fixture.store.invitedUser(presenting: late.token, now: Date().addingTimeInterval(72 * 3_600 + 60)) == nil)
    }

    @Test("a deactivated user cannot sign in, and their session and token stop at once; their scorecards still count")
    func deactivated() async throws {
        let fixture = try await ServerFixture.make()
        let service = DebriefService(
            database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]), passwordCost: ServerFixture.passwordCost)
        let ines = try EmailAddress("ines@debrief.example")
        try await fixture.store.setDeactivated(true, email: ines, by: .localOperator(named: "t"))
        await #expect(throws: ServiceError.signInRefused) {
            try await service.signIn(email: ines.value, password: ServerFixture.password, client: "x")
        }
        #expect(try await service.session(presenting: fixture.interviewerSession.secret) == nil)
        #expect(try await fixture.store.session(presenting: fixture.interviewer) == nil)
        #expect(try await service.positionReport(fixture.positionID).candidates.first?.scorecards == 1)
        try await fixture.store.setDeactivated(false, email: ines, by: .localOperator(named: "t"))
        #expect(try await service.signIn(email: ines.value, password: ServerFixture.password, client: "x").user.email == ines)
    }

    @Test("behind HTTPS the session cookie is Secure, and so is the one that clears a stale session")
    func secureCookies() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test(secureCookies: true) { client in
            let (cookie, proof) = try await Self.signInForm(client)
            let form = "email=riley%40debrief.example&password=\(Self.encoded(ServerFixture.password))&csrf=\(proof)"
            let response = try await Self.post(client, "/sign-in", form, cookies: [cookie])
            #expect(Self.attributes(response.headers[.setCookie]).contains("Secure"))
            try await client.execute(uri: "/", method: .get, headers: Headers.browser(AccessToken.generate(.session))) { response in
                #expect(Self.clearsSession(response.headers[.setCookie]))
                #expect(Self.attributes(response.headers[.setCookie]).contains("Secure"))
            }
        }
    }
}
