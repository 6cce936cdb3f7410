import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefServer

/// `/api/v1/tokens` and `/api/v1/sessions`: each person's own credentials, and nobody else's.
@Suite("API v1 credentials")
struct APICredentialTests {
    @Test("people list, issue and revoke their own tokens and sessions; a revoked token stops working; others' are out of reach")
    func ownCredentials() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let ines = APIClient(client: client, token: fixture.interviewer)
            let issued = try await ines.call(.post, "/api/v1/tokens", json: #"{"label":"laptop","days":7}"#)
            #expect(issued.status == .created)
            let secret = try #require(issued.json["token"] as? String)
            let listed = try await ines.call(.get, "/api/v1/tokens")
            let items = listed.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 2 && !listed.text.contains(secret))
            let laptop = try #require(items.first { $0["label"] as? String == "laptop" }?["id"] as? Int)
            let fresh = try #require(AccessToken(presented: secret))
            #expect(try await APIClient(client: client, token: fresh).call(.get, "/api/v1/me").status == .ok)
            #expect(try await ines.call(.delete, "/api/v1/tokens/\(laptop)").status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Headers.bearer(fresh)) { $0.status } == .unauthorized)
            // Riley's token and sessions are not Ines's to see or end.
            let riley = try #require(
                try await APIClient(client: client, token: fixture.recruiter).call(.get, "/api/v1/tokens").json["items"] as? [[String: Any]])
            let rileyToken = try #require(riley.first?["id"] as? Int)
            #expect(try await ines.call(.delete, "/api/v1/tokens/\(rileyToken)").status == .notFound)
            #expect(try await ines.call(.post, "/api/v1/tokens", json: #"{"label":"for riley","user_id":1}"#).status == .forbidden)
            let sessions = try await ines.call(.get, "/api/v1/sessions")
            #expect((sessions.json["items"] as? [[String: Any]])?.count == 1)
        }
    }
}
