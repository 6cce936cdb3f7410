import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The admin's pages through their routes: users, invites, roles, deactivation, revoking, the audit log.
@Suite("Admin pages")
struct AdminPageTests {
    typealias Pages = InterviewPageTests

    /// The interview panel fixture plus Dana, its only admin, signed in.
    static func admin() async throws -> (ServerFixture, dana: AccessToken, omar: AccessToken) {
        let (fixture, omar, _) = try await Pages.panel()
        let operator_ = Principal.localOperator(named: "tester")
        let service = DebriefService(database: fixture.store, rubrics: nil, passwordCost: ServerFixture.passwordCost)
        _ = try await fixture.store.addUser(User(name: "Dana", email: EmailAddress("dana@debrief.example"), role: .admin), by: operator_)
        try await service.setPassword(ServerFixture.password, for: EmailAddress("dana@debrief.example"), by: operator_)
        let dana = try await service.signIn(email: "dana@debrief.example", password: ServerFixture.password, client: "t").token
        return (fixture, dana, omar)
    }

    static func userID(_ fixture: ServerFixture, _ email: String) async throws -> Int64 {
        try await fixture.store.user(email: EmailAddress(email)).id ?? 0
    }

    @Test("admins list users with status and credentials; recruiters and interviewers are refused")
    func list() async throws {
        let (fixture, dana, omar) = try await Self.admin()
        try await fixture.test { client in
            let page = try await Pages.page(client, "/admin/users", session: dana)
            #expect(page.status == .ok && page.body.text.contains("omar@debrief.example") && page.body.text.contains("olga@debrief.example"))
            #expect(page.body.text.contains("href=\"/admin/audit\""), "the admin's navigation has the audit log")
            #expect(try await Pages.page(client, "/admin/users", session: fixture.recruiterSession).status == .forbidden)
            #expect(try await Pages.page(client, "/admin/audit", session: omar).status == .forbidden)
            let recruiterPost = try await Pages.post(
                client, "/admin/users", "csrf=\(fixture.recruiterSession.formProof)&email=x%40example.com&role=admin",
                session: fixture.recruiterSession)
            #expect(recruiterPost.status == .forbidden)
        }
    }

    @Test("an invite makes a one-time link shown once; a malformed email comes back on its field")
    func invite() async throws {
        let (fixture, dana, _) = try await Self.admin()
        try await fixture.test { client in
            let made = try await Pages.post(
                client, "/admin/users", "csrf=\(dana.formProof)&email=nia%40example.com&name=Nia+Okafor&role=recruiter", session: dana)
            #expect(made.status == .ok)
            let html = made.body.text
            let link = try #require(html.range(of: "<code id=\"invite-link\">").map { String(html[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(link.contains("/invite/dbi_"))
            let path = String(link[link.range(of: "/invite/")!.lowerBound...])
            #expect(try await client.execute(uri: path, method: .get, headers: Headers.browser()) { $0.status } == .ok)
            let bad = try await Pages.post(client, "/admin/users", "csrf=\(dana.formProof)&email=nia&role=recruiter", session: dana)
            #expect(bad.status == .unprocessableContent && bad.body.text.contains("id=\"invite-email-error\""))
            #expect(!(try await Pages.page(client, "/admin/users", session: dana).body.text.contains("dbi_")), "the link is not shown again")
        }
        #expect(try await fixture.store.user(email: EmailAddress("nia@example.com")).role == .recruiter)
    }

    @Test("roles change; the last admin stays one; deactivating ends sessions and never one's own account; revoking ends sessions")
    func changes() async throws {
        let (fixture, dana, omar) = try await Self.admin()
        let omarID = try await Self.userID(fixture, "omar@debrief.example")
        let danaID = try await Self.userID(fixture, "dana@debrief.example")
        try await fixture.test { client in
            let proof = dana.formProof
            let promoted = try await Pages.post(client, "/admin/users/\(omarID)/role", "csrf=\(proof)&role=recruiter", session: dana)
            #expect(promoted.status == .seeOther && promoted.headers[.location] == "/admin/users?done=role")
            let lastAdmin = try await Pages.post(client, "/admin/users/\(danaID)/role", "csrf=\(proof)&role=recruiter", session: dana)
            #expect(lastAdmin.status == .unprocessableContent && lastAdmin.body.text.contains("is the last admin who can sign in"))
            let myself = try await Pages.post(client, "/admin/users/\(danaID)/active", "csrf=\(proof)&active=no", session: dana)
            #expect(myself.status == .unprocessableContent && myself.body.text.contains("you cannot deactivate your own account"))
            #expect(try await Pages.page(client, "/interviews", session: omar).status == .ok)
            let off = try await Pages.post(client, "/admin/users/\(omarID)/active", "csrf=\(proof)&active=no", session: dana)
            #expect(off.status == .seeOther)
            #expect(try await Pages.page(client, "/interviews", session: omar).status == .seeOther, "a deactivated user's session ends")
            #expect(try await Pages.post(client, "/admin/users/\(omarID)/active", "csrf=\(proof)&active=yes", session: dana).status == .seeOther)
            let inesSession = fixture.interviewerSession
            #expect(try await Pages.page(client, "/interviews", session: inesSession).status == .ok)
            let inesID = try await Self.userID(fixture, "ines@debrief.example")
            let revoked = try await Pages.post(client, "/admin/users/\(inesID)/revoke", "csrf=\(proof)", session: dana)
            #expect(revoked.status == .seeOther && revoked.headers[.location] == "/admin/users?done=revoked")
            #expect(try await Pages.page(client, "/interviews", session: inesSession).status == .seeOther)
            let api = try await client.execute(uri: "/api/me", method: .get, headers: Headers.bearer(fixture.interviewer)) { $0.status }
            #expect(api == .unauthorized, "her access tokens are revoked too")
            #expect(try await Pages.post(client, "/admin/users/999/revoke", "csrf=\(proof)", session: dana).status == .notFound)
        }
        #expect(try await fixture.store.user(email: EmailAddress("omar@debrief.example")).role == .recruiter)
    }

    @Test("the audit log filters by actor, record, action and date, newest first, in pages")
    func audit() async throws {
        let (fixture, dana, _) = try await Self.admin()
        for index in 0..<60 {
            _ = try await fixture.store.addCandidate(
                Candidate(name: "Bulk \(index)", email: EmailAddress("bulk\(index)@example.com")), by: Principal.localOperator(named: "bulk"))
        }
        try await fixture.test { client in
            let first = try await Pages.page(client, "/admin/audit?entity=candidate&action=create", session: dana).body.text
            #expect(first.contains("61 events match") && first.contains("older 50"), "\(first.prefix(2000))")
            #expect(first.range(of: "Bulk 59")!.lowerBound < first.range(of: "Bulk 58")!.lowerBound, "newest first")
            let second = try await Pages.page(client, "/admin/audit?entity=candidate&action=create&offset=50", session: dana).body.text
            #expect(second.contains("newer 50") && second.contains("Bulk 0") && !second.contains("Bulk 59"))
            let byActor = try await Pages.page(client, "/admin/audit?actor=DANA", session: dana).body.text
            #expect(byActor.contains("dana@debrief.example") && byActor.contains("sign in") && !byActor.contains("cli:bulk"))
            let future = try await Pages.page(client, "/admin/audit?since=2999-01-01", session: dana).body.text
            #expect(future.contains("0 events match"))
            let bad = try await Pages.page(client, "/admin/audit?since=yesterday", session: dana)
            #expect(bad.status == .badRequest && bad.body.text.contains("&#39;yesterday&#39; is not a date"))
        }
    }
}
