import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Access tokens")
struct AccessTokenTests {
    @Test("a token signs in its user until it expires; the database keeps its digest, never the secret")
    func lifecycle() async throws {
        let store = try AppDatabase.inMemory()
        let user = try await store.addUser(StoreFixtures.user(role: .recruiter), by: StoreFixtures.admin)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let issued = try await store.issueAccessToken(to: user.email, label: "laptop", lifetime: 3_600, now: now, by: StoreFixtures.admin)
        #expect(issued.token.secret.hasPrefix("dbf_"))
        #expect(issued.token.secret.count == 68)

        let session = try #require(try await store.session(presenting: issued.token, now: now.addingTimeInterval(60)))
        #expect(session.principal == Principal(user: user))
        #expect(session.expiresAt == now.addingTimeInterval(3_600))
        #expect(try await store.session(presenting: issued.token, now: now.addingTimeInterval(3_601)) == nil)
        #expect(try await store.session(presenting: AccessToken.generate(), now: now) == nil)

        let stored = try await store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM access_token").map(\.description) }
        #expect(stored.count == 1)
        #expect(stored.allSatisfy { !$0.contains(issued.token.secret) })
        #expect(stored.allSatisfy { $0.contains(issued.token.digest) })
    }

    @Test("revoking ends every live token of a user, and the audit log records it without digests")
    func revoke() async throws {
        let store = try AppDatabase.inMemory()
        let user = try await store.addUser(StoreFixtures.user(), by: StoreFixtures.admin)
        let first = try await store.issueAccessToken(to: user.email, label: "one", lifetime: 3_600, by: StoreFixtures.admin)
        let second = try await store.issueAccessToken(to: user.email, label: "two", lifetime: 3_600, by: StoreFixtures.admin)
        #expect(try await store.revokeCredentials(of: user.email, by: StoreFixtures.admin).tokens == 2)
        #expect(try await store.session(presenting: first.token) == nil)
        #expect(try await store.session(presenting: second.token) == nil)
        #expect(try await store.revokeCredentials(of: user.email, by: StoreFixtures.admin).tokens == 0)

        let events = try await store.auditEvents(entity: "access_token", entityID: nil, limit: 10)
        #expect(events.map(\.action).sorted() == ["create", "create", "revoke", "revoke"])
        for event in events {
            #expect(!(event.after ?? "").contains(first.token.digest) && !(event.after ?? "").contains(second.token.digest))
            #expect(!(event.after ?? "").contains("dbf_"))
        }
    }

    @Test("tokens are refused for unknown users, empty labels and no lifetime, and nothing is stored")
    func refusals() async throws {
        let store = try AppDatabase.inMemory()
        let user = try await store.addUser(StoreFixtures.user(), by: StoreFixtures.admin)
        await #expect(throws: StoreError.notFound(entity: "user with email", key: "nobody@debrief.example")) {
            _ = try await store.issueAccessToken(to: EmailAddress("nobody@debrief.example"), label: "x", lifetime: 60, by: StoreFixtures.admin)
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.issueAccessToken(to: user.email, label: "  ", lifetime: 60, by: StoreFixtures.admin)
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.issueAccessToken(to: user.email, label: "x", lifetime: 0, by: StoreFixtures.admin)
        }
        #expect(try await store.auditEvents(entity: "access_token", entityID: nil, limit: 10).isEmpty)
    }

    @Test(
        "only strings shaped like Debrief tokens are looked up",
        arguments: ["", "dbf_", "dbf_xyz", "Bearer dbf_00", String(repeating: "a", count: 68)])
    func shapes(text: String) {
        #expect(AccessToken(presented: text) == nil)
    }
}
