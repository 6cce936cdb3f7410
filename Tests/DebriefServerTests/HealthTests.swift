import DebriefServer
import DebriefStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /health")
struct HealthTests {
    @Test("reports a reachable database")
    func healthy() async throws {
        let router = DebriefApplication.router(database: try AppDatabase.inMemory())
        let app = Application(router: router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                #expect(body == ["status": "ok", "database": "reachable"])
            }
        }
    }

    @Test("unknown paths are 404")
    func unknown() async throws {
        let app = Application(router: DebriefApplication.router(database: try AppDatabase.inMemory()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
