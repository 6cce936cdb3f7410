import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefServer

/// `/api/v1` through its routes: the contract it serves, and HTTP's conventions on real resources.
@Suite("API v1")
struct APIVersion1Tests {
    @Test("the OpenAPI document lists every operation the router serves, each answering at its address")
    func contractMatchesRouter() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(response.body.text.utf8)) as? [String: Any] ?? [:]
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let healthz = try await client.execute(uri: "/healthz", method: .get) { response in
                try JSONSerialization.jsonObject(with: Data(response.body.text.utf8)) as? [String: Any] ?? [:]
            }
            #expect((document["info"] as? [String: Any])?["version"] as? String == healthz["version"] as? String)
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
            let served = Set(APIVersion1.operations(DebriefServiceStub.service, version: "test").map { "\($0.method.rawValue) \($0.path)" })
            #expect(documented == served)
            #expect(documented.count >= 30)
            // Every documented operation is routed: without a token each is a 401 problem, never a 404.
            for entry in documented.sorted() where !entry.hasSuffix("openapi.json") {
                let parts = entry.split(separator: " ")
                let uri = parts[1].replacingOccurrences(of: "{hash}", with: "abc").replacingOccurrences(of: "{rubric}", with: "backend-engineer")
                    .replacingOccurrences(of: #"\{[a-z]+\}"#, with: "1", options: .regularExpression)
                let status = try await client.execute(uri: uri, method: HTTPRequest.Method(String(parts[0]))!) { $0.status }
                #expect(status == .unauthorized, "\(entry) answered \(status) without a token")
            }
            // The schemas every body refers to exist.
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
            let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            for match in text.matches(of: /#\\\/components\\\/schemas\\\/([A-Za-z]+)/) {
                #expect(schemas[String(match.1)] != nil, "missing schema \(match.1)")
            }
        }
    }

    @Test("a candidate's life: 201 with Location and ETag, 304 on If-None-Match, PATCH needs a current If-Match, stage moves follow the pipeline")
    func candidateLifecycle() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let created = try await api.call(
                .post, "/api/v1/candidates", json: #"{"name":"Grace Hopper","email":"grace@example.com","source":"referral"}"#)
            #expect(created.status == .created)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/api/v1/candidates/"))
            let read = try await api.call(.get, location)
            let tag = try #require(read.headers[.eTag])
            #expect(read.json["name"] as? String == "Grace Hopper" && read.json["stage"] as? String == "applied")
            #expect(try await api.call(.get, location, headers: [.ifNoneMatch: tag]).status == .notModified)

            let patch = #"{"phone":"+44 20 7946 0000","source":null}"#
            let missing = try await api.call(.patch, location, json: patch, contentType: "application/merge-patch+json")
            #expect(missing.status == .preconditionRequired && missing.json["type"] as? String == "urn:debrief:problem:precondition-required")
            let stale = try await api.call(
                .patch, location, json: patch, headers: [.ifMatch: "\"0000\""], contentType: "application/merge-patch+json")
            #expect(stale.status == .preconditionFailed)
            let patched = try await api.call(.patch, location, json: patch, headers: [.ifMatch: tag], contentType: "application/merge-patch+json")
            #expect(patched.status == .ok && patched.json["phone"] as? String == "+44 20 7946 0000" && patched.json["source"] is NSNull)
            #expect(patched.headers[.eTag] != tag)
            // The old tag is stale now: a second writer who read before the first change is refused.
            #expect(try await api.call(.patch, location, json: #"{"name":"G. Hopper"}"#, headers: [.ifMatch: tag]).status == .preconditionFailed)

            let forbidden = try await api.call(.post, location + "/stage", json: #"{"stage":"hired"}"#)
            #expect(forbidden.status == .unprocessableContent && forbidden.text.contains("screening"))
            let moved = try await api.call(.post, location + "/stage", json: #"{"stage":"screening"}"#)
            #expect(moved.status == .ok && moved.json["stage"] as? String == "screening")

            let duplicate = try await api.call(.post, "/api/v1/candidates", json: #"{"name":"Again","email":"grace@example.com"}"#)
            #expect(duplicate.status == .conflict && duplicate.json["type"] as? String == "urn:debrief:problem:duplicate")
        }
    }

    @Test("bad requests get the problem that fits: 400, 404, 405, 406, 413, 415, 422 with errors by field")
    func problems() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            #expect(try await api.call(.post, "/api/v1/candidates", json: "{\"name\": ").status == .badRequest)
            let invalid = try await api.call(.post, "/api/v1/candidates", json: #"{"name":"","email":"not-an-email","colour":"red"}"#)
            #expect(invalid.status == .unprocessableContent && invalid.json["type"] as? String == "urn:debrief:problem:validation")
            let fields = (invalid.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains("/colour") && fields.contains("/name"))
            let rule = try await api.call(.post, "/api/v1/candidates", json: #"{"name":"Ann","email":"ann@example.com","phone":"call me"}"#)
            #expect(rule.status == .unprocessableContent && (rule.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "/phone")
            #expect(
                try await api.call(.post, "/api/v1/candidates", json: "name=Ann", contentType: "application/x-www-form-urlencoded").status
                    == .unsupportedMediaType)
            let huge = "{\"name\":\"" + String(repeating: "a", count: 70_000) + "\",\"email\":\"a@example.com\"}"
            #expect(try await api.call(.post, "/api/v1/candidates", json: huge).status == .contentTooLarge)
            #expect(try await api.call(.get, "/api/v1/candidates/999").status == .notFound)
            #expect(try await api.call(.get, "/api/v1/candidates/abc").status == .notFound)
            #expect(try await api.call(.get, "/api/v1/candidates?limit=0").status == .badRequest)
            #expect(try await api.call(.get, "/api/v1/candidates?cursor=bogus").status == .badRequest)
            let wrongMethod = try await client.execute(uri: "/api/v1/candidates", method: .delete, headers: Headers.bearer(fixture.recruiter)) { $0 }
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "GET, POST, HEAD")
            #expect(try await api.call(.get, "/api/v1/candidates", headers: [.accept: "text/html"]).status == .notAcceptable)
        }
    }

    @Test("lists page by an opaque cursor in a stable order, with a next link, and filter")
    func pagination() async throws {
        let fixture = try await ServerFixture.make()
        for index in 1...7 {
            _ = try await fixture.store.addCandidate(
                try Candidate(name: "Paged \(index)", email: EmailAddress("paged\(index)@example.com")), by: .localOperator(named: "test"))
        }
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            var seen: [String] = []
            var next: String? = "/api/v1/candidates?limit=3&sort=-name&q=paged"
            while let uri = next {
                let page = try await api.call(.get, uri)
                #expect(page.status == .ok)
                seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                next = page.json["next"] as? String
                if let next { #expect(page.headers[.link] == "<\(next)>; rel=\"next\"") }
            }
            #expect(seen == (1...7).reversed().map { "Paged \($0)" })
            let applied = try await api.call(.get, "/api/v1/candidates?stage=applied&limit=200")
            #expect((applied.json["items"] as? [[String: Any]])?.count == 8)
        }
    }

    @Test("Idempotency-Key: the same request is answered again without doing it twice; another request with the key is refused")
    func idempotency() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let body = #"{"name":"Once Only","email":"once@example.com"}"#
            let key: HTTPFields = [.idempotencyKey: "create-once-1"]
            let first = try await api.call(.post, "/api/v1/candidates", json: body, headers: key)
            let again = try await api.call(.post, "/api/v1/candidates", json: body, headers: key)
            #expect(first.status == .created && again.status == .created && again.text == first.text)
            #expect(again.headers[.location] == first.headers[.location] && again.headers[.idempotentReplayed] == "true")
            let other = try await api.call(.post, "/api/v1/candidates", json: #"{"name":"Other","email":"other@example.com"}"#, headers: key)
            #expect(other.status == .unprocessableContent && other.json["type"] as? String == "urn:debrief:problem:idempotency-key-reused")
            let stored = try await fixture.store.candidates(CandidateListQuery(filter: CandidateFilter(text: "once@example.com")))
            #expect(stored.candidates.count == 1)
            // Another caller's key of the same name is theirs alone.
            let admin = APIClient(client: client, token: fixture.interviewer)
            #expect(try await admin.call(.post, "/api/v1/candidates", json: body, headers: key).status == .forbidden)
        }
    }

    @Test("two concurrent requests with one Idempotency-Key: the work is done once")
    func concurrentIdempotency() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-idem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try AppDatabase.open(path: directory.appendingPathComponent("db.sqlite").path)
        let admin = Principal.localOperator(named: "test")
        _ = try await store.addUser(User(name: "Riley", email: EmailAddress("riley@debrief.example"), role: .recruiter), by: admin)
        let token = try await store.issueAccessToken(to: EmailAddress("riley@debrief.example"), label: "t", lifetime: 3600, by: admin).token
        let app = Application(router: DebriefApplication.router(database: store, options: .init(passwordCost: 4)))
        try await app.test(.router) { client in
            let api = APIClient(client: client, token: token)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await api.call(
                            .post, "/api/v1/candidates", json: #"{"name":"Race","email":"race@example.com"}"#, headers: [.idempotencyKey: "race-1"]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created || $0 == .conflict })
            #expect(statuses.contains(.created))
        }
        #expect(try await store.candidates(CandidateListQuery(filter: CandidateFilter(text: "race@"))).candidates.count == 1)
    }

    @Test("scorecards through the API are blind exactly as on the pages, and a recruiter can log one on a panel member's behalf")
    func blindScorecards() async throws {
        let fixture = try await ServerFixture.make()
        let admin = Principal.localOperator(named: "test")
        _ = try await fixture.store.addUser(User(name: "Omar", email: EmailAddress("omar@debrief.example"), role: .interviewer), by: admin)
        let omar = try await fixture.store.issueAccessToken(to: EmailAddress("omar@debrief.example"), label: "t", lifetime: 3600, by: admin).token
        try await fixture.test { client in
            let recruiter = APIClient(client: client, token: fixture.recruiter)
            let ines = APIClient(client: client, token: fixture.interviewer)
            let omarAPI = APIClient(client: client, token: omar)
            let round = try await recruiter.call(
                .post, "/api/v1/rounds",
                json: """
                    {"candidate_id":\(fixture.candidateID),"position_id":\(fixture.positionID),"kind":"system_design",
                     "scheduled_at":"2027-01-05T10:00:00Z","interviewers":["ines@debrief.example","omar@debrief.example"]}
                    """)
            #expect(round.status == .created, "\(round.text)")
            let roundID = try #require(round.json["id"] as? Int)
            let ratings = #"[{"competency_id":"system-design","value":4,"note":"clear trade-offs"}]"#
            let submitted = try await ines.call(
                .post, "/api/v1/scorecards",
                json: #"{"round_id":\#(roundID),"ratings":\#(ratings),"recommendation":"yes","notes":"Ines's secret note"}"#)
            #expect(submitted.status == .created, "\(submitted.text)")
            let before = try await omarAPI.call(.get, "/api/v1/rounds/\(roundID)/scorecards")
            #expect(before.status == .ok && !before.text.contains("Ines's secret note"))
            let draft = try await omarAPI.call(
                .post, "/api/v1/scorecards", json: #"{"round_id":\#(roundID),"ratings":\#(ratings),"draft":true,"notes":"thinking"}"#)
            #expect(draft.status == .created && draft.json["state"] as? String == "draft")
            #expect(!(try await omarAPI.call(.get, "/api/v1/rounds/\(roundID)/scorecards").text.contains("Ines's secret note")))
            let omarSubmits = try await omarAPI.call(
                .post, "/api/v1/scorecards", json: #"{"round_id":\#(roundID),"ratings":\#(ratings),"recommendation":"no"}"#)
            #expect(omarSubmits.status == .created)
            #expect(try await omarAPI.call(.get, "/api/v1/rounds/\(roundID)/scorecards").text.contains("Ines's secret note"))
            // Ines cannot write Omar's scorecard; a recruiter can log one for a panel member.
            let impostor = try await ines.call(
                .post, "/api/v1/scorecards",
                json:
                    #"{"round_id":\#(roundID),"interviewer":"omar@debrief.example","ratings":\#(ratings),"recommendation":"yes","amend_reason":"x"}"#)
            #expect(impostor.status == .forbidden)
            let onBehalf = try await recruiter.call(
                .post, "/api/v1/scorecards",
                json:
                    #"{"round_id":\#(roundID),"interviewer":"omar@debrief.example","ratings":\#(ratings),"recommendation":"yes","amend_reason":"typo in the sheet"}"#
            )
            #expect(onBehalf.status == .created && onBehalf.json["entered_by_id"] as? Int != nil && onBehalf.json["version"] as? Int == 2)
            // The reply is the stored scorecard's JSON, written once for its audit event and sent as it is.
            let amendedID = try #require(onBehalf.json["id"] as? Int)
            let event = try await fixture.store.auditEvents(entity: "scorecard", entityID: Int64(amendedID), limit: 1).first
            #expect(event?.action == "amend" && event?.after == onBehalf.text)
            let stored = try #require(try await fixture.store.scorecards(roundID: Int64(roundID)).first { $0.id == Int64(amendedID) })
            #expect(try JSONText.compactString(stored) == onBehalf.text)
            // An interviewer lists only their own rounds and cannot read the pipeline.
            let listed = try await omarAPI.call(.get, "/api/v1/rounds")
            #expect((listed.json["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [roundID])
            #expect(try await omarAPI.call(.get, "/api/v1/candidates").status == .forbidden)
        }
    }

    @Test("reports come as JSON by default, or CSV, Markdown or HTML by ?format= or Accept; the old /api routes say they are deprecated")
    func reportsAndDeprecation() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let path = "/api/v1/positions/\(fixture.positionID)/report"
            let json = try await api.call(.get, path)
            #expect(json.status == .ok && json.headers[.contentType] == "application/json" && json.json["candidates"] != nil)
            #expect(try await api.call(.get, path + "?format=csv").headers[.contentType]?.hasPrefix("text/csv") == true)
            let html = try await api.call(.get, path, headers: [.accept: "text/html"])
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true && !html.text.contains("<script>alert(1)"))
            let candidate = try await api.call(.get, "/api/v1/positions/\(fixture.positionID)/candidates/\(fixture.candidateID)/report?format=md")
            #expect(candidate.status == .ok && candidate.headers[.contentType]?.hasPrefix("text/markdown") == true)
            let interviewer = APIClient(client: client, token: fixture.interviewer)
            #expect(try await interviewer.call(.get, path).status == .forbidden)

            let legacy = try await client.execute(uri: "/api/positions", method: .get, headers: Headers.bearer(fixture.recruiter)) { $0 }
            #expect(legacy.status == .ok && legacy.headers[.deprecation] == "@1796169600")
            #expect(legacy.headers[.link] == "</api/v1/positions>; rel=\"successor-version\"")
        }
    }

    @Test("admins invite, re-role and deactivate users and read the audit log; nobody else can")
    func users() async throws {
        let fixture = try await ServerFixture.make()
        let admin = Principal.localOperator(named: "test")
        _ = try await fixture.store.addUser(User(name: "Ava", email: EmailAddress("ava@debrief.example"), role: .admin), by: admin)
        let ava = try await fixture.store.issueAccessToken(to: EmailAddress("ava@debrief.example"), label: "t", lifetime: 3600, by: admin).token
        try await fixture.test { client in
            let api = APIClient(client: client, token: ava)
            let invited = try await api.call(.post, "/api/v1/users", json: #"{"email":"new@debrief.example","role":"interviewer"}"#)
            #expect(invited.status == .created && (invited.json["invite_path"] as? String)?.hasPrefix("/invite/") == true)
            let location = try #require(invited.headers[.location])
            let tag = try #require(try await api.call(.get, location).headers[.eTag])
            let changed = try await api.call(.patch, location, json: #"{"role":"recruiter","active":false}"#, headers: [.ifMatch: tag])
            #expect(changed.status == .ok && changed.json["role"] as? String == "recruiter" && changed.json["active"] as? Bool == false)
            let events = try await api.call(.get, "/api/v1/audit-events?entity=user&limit=2")
            #expect(events.status == .ok && (events.json["items"] as? [[String: Any]])?.count == 2 && events.json["next"] is String)
            let recruiter = APIClient(client: client, token: fixture.recruiter)
            #expect(try await recruiter.call(.get, "/api/v1/users").status == .forbidden)
            #expect(try await recruiter.call(.get, "/api/v1/audit-events").status == .forbidden)
        }
    }
}
