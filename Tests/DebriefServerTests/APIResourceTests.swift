import DebriefCore
import DebriefService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefServer
@testable import DebriefStore

/// The API's other resources through their routes: the question bank and its imports, score sheets,
/// rubrics, positions and round changes, each with its successes and its problems.
@Suite("API v1 resources")
struct APIResourceTests {
    static let page =
        "<html><head><title>Caching questions</title></head><body><h2>Q1. What does an ETag promise?</h2><p>Equal bytes.</p>"
        + "<h2>Q2. When is a 304 answered?</h2><p>When nothing changed.<script>alert(5)</script></p></body></html>"

    @Test("a page imports as text/html or a multipart upload; dry_run stores nothing; the bank finds it; bad pages are 4xx")
    func questionBank() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let preview = try await api.send(
                .post, "/api/v1/question-sets/import?dry_run=true", body: ByteBuffer(string: Self.page), contentType: "text/html")
            #expect(preview.status == .ok && preview.json["stored"] as? Bool == false && preview.json["question_count"] as? Int == 2)
            let bank = try await api.call(.get, "/api/v1/question-sets")
            #expect((bank.json["items"] as? [Any])?.isEmpty == true, "a dry run stored nothing")
            let stored = try await api.send(.post, "/api/v1/question-sets/import", body: ByteBuffer(string: Self.page), contentType: "text/html")
            #expect(stored.status == .created && stored.json["stored"] as? Bool == true)
            let location = try #require(stored.headers[.location])
            let set = try await api.call(.get, location)
            #expect(set.status == .ok && set.text.contains("What does an ETag promise?") && !set.text.contains("alert(5)"))
            let again = try await api.send(.post, "/api/v1/question-sets/import", body: ByteBuffer(string: Self.page), contentType: "text/html")
            #expect(again.status == .ok && again.json["unchanged"] as? Bool == true)
            let upload = QuestionBankPageTests.multipart([("name", "Uploaded caching")], file: ("caching.html", Data(Self.page.utf8)))
            let uploaded = try await api.send(
                .post, "/api/v1/question-sets/import", body: upload, contentType: "multipart/form-data; boundary=\(QuestionBankPageTests.boundary)")
            #expect(uploaded.status == .created && (uploaded.json["question_set"] as? [String: Any])?["title"] as? String == "Uploaded caching")
            let search = try await api.call(.get, "/api/v1/questions?q=etag&limit=1")
            #expect(search.status == .ok && search.json["total"] as? Int == 2 && search.json["next"] is String)
            #expect(((search.json["items"] as? [[String: Any]])?.first?["highlighted"] as? String)?.contains("[[ETag]]") == true)
            let binary = try await api.send(
                .post, "/api/v1/question-sets/import", body: ByteBuffer(bytes: [0, 1, 2, 0, 255]), contentType: "text/html")
            #expect(binary.status == .unprocessableContent)
            let prose = try await api.send(
                .post, "/api/v1/question-sets/import?name=Prose", body: ByteBuffer(string: "<p>Just a story.</p>"), contentType: "text/html")
            #expect(prose.status == .unprocessableContent && prose.text.contains("found no questions"))
            #expect(
                try await api.send(.post, "/api/v1/question-sets/import", body: ByteBuffer(string: "{}"), contentType: "application/json").status
                    == .unsupportedMediaType)
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: QuestionBankOperations.importLimit + 1)
            #expect(try await api.send(.post, "/api/v1/question-sets/import", body: huge, contentType: "text/html").status == .contentTooLarge)
        }
    }

    @Test("a candidate's personal data: recruiters export it, only admins erase it, once; the export and erasure follow the contract")
    func personalData() async throws {
        let fixture = try await ServerFixture.make()
        let operatorPrincipal = Principal.localOperator(named: "tester")
        let admin = try await fixture.store.addUser(
            User(name: "Avery", email: EmailAddress("avery@debrief.example"), role: .admin), by: operatorPrincipal)
        let adminToken = try await fixture.store.issueAccessToken(to: admin.email, label: "test", lifetime: 3_600, by: operatorPrincipal).token
        let path = "/api/v1/candidates/\(fixture.candidateID)/personal-data"
        try await fixture.test { client in
            let recruiter = APIClient(client: client, token: fixture.recruiter)
            let exported = try await recruiter.call(.get, path)
            #expect(exported.status == .ok && exported.text.contains("ada@example.com"), "\(exported.text.prefix(500))")
            let rounds = try #require(exported.json["rounds"] as? [[String: Any]])
            #expect(rounds.count == 1 && (rounds[0]["scorecards"] as? [[String: Any]])?.count == 1)
            #expect(try await APIClient(client: client, token: fixture.interviewer).call(.get, path).status == .forbidden)
            #expect(try await recruiter.call(.delete, path).status == .forbidden, "erasing is for admins")
            let adminClient = APIClient(client: client, token: adminToken)
            let erased = try await adminClient.call(.delete, path)
            #expect(erased.status == .ok && erased.json["candidate_id"] as? Int == Int(fixture.candidateID) && erased.json["scorecards"] as? Int == 1)
            let again = try await adminClient.call(.delete, path)
            #expect(again.status == .unprocessableContent && again.text.contains("erased already"), "\(again.text)")
            let after = try await recruiter.call(.get, path)
            #expect(after.status == .ok && !after.text.contains("ada@example.com") && after.json["erased_at"] is String, "\(after.text.prefix(300))")
            #expect(try await adminClient.call(.delete, "/api/v1/candidates/999/personal-data").status == .notFound)
            let current = try await recruiter.call(.get, "/api/v1/candidates/\(fixture.candidateID)")
            let renamed = try await recruiter.call(
                .patch, "/api/v1/candidates/\(fixture.candidateID)", json: #"{"name": "Ada Again"}"#,
                headers: [.ifMatch: current.headers[.eTag] ?? ""], contentType: "application/merge-patch+json")
            #expect(
                renamed.status.code >= 400 && renamed.status.code < 500 && renamed.text.contains("erased"),
                "an erased candidate stays anonymous: \(renamed.text)")
        }
    }

    @Test("a full disk is a 503 problem with Retry-After, nothing half-stored, and the same request works once there is room")
    func fullDisk() async throws {
        let fixture = try await ServerFixture.make()
        let answer = String(repeating: "A long model answer about caches and queues. ", count: 1_000)
        let page = "<title>Big</title>" + (1...40).map { "<h3>What is big question \($0)?</h3><p>\(answer)</p>" }.joined()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            try await FullDisk.limit(fixture.store, extraPages: 2)
            let refused = try await api.send(.post, "/api/v1/question-sets/import", body: ByteBuffer(string: page), contentType: "text/html")
            #expect(refused.status == .serviceUnavailable && refused.headers[.retryAfter] == "60", "\(refused.status) \(refused.text)")
            #expect(
                refused.json["type"] as? String == "urn:debrief:problem:unavailable" && refused.text.contains("nothing of this change was stored"))
            #expect((try await api.call(.get, "/api/v1/question-sets").json["items"] as? [Any])?.isEmpty == true)
            #expect(try await api.call(.get, "/api/v1/candidates/\(fixture.candidateID)").status == .ok, "reads still work")
            try await FullDisk.limit(fixture.store, extraPages: 1_000_000)
            let stored = try await api.send(.post, "/api/v1/question-sets/import", body: ByteBuffer(string: page), contentType: "text/html")
            #expect(stored.status == .created && stored.json["question_count"] as? Int == 40)
        }
    }

    @Test("a titled question keeps its title through the import, the store, the API and the bank page, escaped")
    func titledQuestions() async throws {
        let fixture = try await ServerFixture.make()
        let blocks = [
            ("Law of Demeter", "Why should an object talk only to its neighbours?"), ("Index 0", "Why do array indexes start at 0?"),
            ("<b>Cohesion</b> & coupling", "How do cohesion and coupling pull against each other?"),
        ]
        let page = "<title>Design titles</title>" + blocks.map { "<h3>\($0.0)</h3><p>\($0.1)</p><p>Because it keeps changes local.</p>" }.joined()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let stored = try await api.send(.post, "/api/v1/question-sets/import", body: ByteBuffer(string: page), contentType: "text/html")
            #expect(stored.status == .created, "\(stored.text)")
            let set = try await api.call(.get, try #require(stored.headers[.location]))
            let questions = try #require(set.json["questions"] as? [[String: Any]])
            #expect(questions.map { $0["title"] as? String } == ["Law of Demeter", "Index 0", "Cohesion & coupling"])
            #expect(questions.first?["text"] as? String == "Why should an object talk only to its neighbours?")
            let id = try #require(set.json["id"] as? Int)
            let html = try await client.execute(uri: "/questions/sets/\(id)", method: .get, headers: Headers.browser(fixture.recruiterSession)) {
                $0.body.text
            }
            #expect(
                html.contains("<strong>Law of Demeter</strong>: Why should an object") && html.contains("<strong>Cohesion &amp; coupling</strong>"))
        }
    }

    @Test("a score sheet is stored whole, or refused with every problem by line and nothing stored")
    func scoreSheets() async throws {
        let fixture = try await ServerFixture.make()
        let header = ScoreSheet.columns.joined(separator: ",")
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let bad = header + "\nBackend Engineer,Ada,ada@example.com,technical,ines@debrief.example,apis-http,9,yes,2026-12-02,\n"
            let refused = try await api.send(.post, "/api/v1/score-sheets", body: ByteBuffer(string: bad), contentType: "text/csv")
            #expect(refused.status == .unprocessableContent)
            #expect(((refused.json["errors"] as? [[String: Any]])?.first?["field"] as? String)?.hasPrefix("line 2") == true, "\(refused.text)")
            let good = header + "\nBackend Engineer,Linus,linus@example.com,technical,ines@debrief.example,apis-http,4,yes,2026-12-02,\n"
            let imported = try await api.send(
                .post, "/api/v1/score-sheets?create_missing=true", body: ByteBuffer(string: good), contentType: "text/csv")
            #expect(imported.status == .ok && imported.json["scorecards_submitted"] as? Int == 1 && imported.json["candidates_created"] as? Int == 1)
        }
    }

    @Test("rubrics and the stored versions scorecards were made under; positions open against a known rubric only")
    func rubricsAndPositions() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let rubric = try await api.call(.get, "/api/v1/rubrics/backend-engineer")
            #expect(rubric.status == .ok && (rubric.json["competencies"] as? [Any])?.isEmpty == false)
            #expect(try await api.call(.get, "/api/v1/rubrics/nope").status == .notFound)
            let versions = try await api.call(.get, "/api/v1/rubric-versions")
            let hash = try #require((versions.json["items"] as? [[String: Any]])?.first?["content_hash"] as? String)
            #expect(hash == fixture.rubric.contentHash)
            #expect(try await api.call(.get, "/api/v1/rubric-versions/\(hash)").json["id"] as? String == "backend-engineer")
            #expect(try await api.call(.get, "/api/v1/rubric-versions/0000").status == .notFound)
            let created = try await api.call(.post, "/api/v1/positions", json: #"{"title":"SRE","level":"senior","rubric_id":"backend-engineer"}"#)
            #expect(created.status == .created && created.headers[.location] != nil)
            let unknown = try await api.call(.post, "/api/v1/positions", json: #"{"title":"SRE","rubric_id":"no-such-rubric"}"#)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("no-such-rubric"))
            let interviewer = APIClient(client: client, token: fixture.interviewer)
            #expect(
                try await interviewer.call(.post, "/api/v1/positions", json: #"{"title":"X","rubric_id":"backend-engineer"}"#).status == .forbidden)
        }
    }

    @Test("a round moves and changes panel with If-Match; someone with a scorecard stays on it")
    func roundChanges() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let read = try await api.call(.get, "/api/v1/rounds/1")
            let tag = try #require(read.headers[.eTag])
            let keep = try await api.call(.patch, "/api/v1/rounds/1", json: #"{"interviewers":["riley@debrief.example"]}"#, headers: [.ifMatch: tag])
            #expect(keep.status == .unprocessableContent && keep.text.contains("stay on its panel"))
            let moved = try await api.call(.patch, "/api/v1/rounds/1", json: #"{"scheduled_at":"2027-03-01T09:00:00Z"}"#, headers: [.ifMatch: tag])
            #expect(moved.status == .ok && moved.json["scheduled_at"] as? String == "2027-03-01T09:00:00Z")
            #expect((moved.json["interviewer_ids"] as? [Int])?.count == 1)
            #expect(
                try await api.call(.patch, "/api/v1/rounds/1", json: #"{"scheduled_at":"2027-03-02T09:00:00Z"}"#, headers: [.ifMatch: tag]).status
                    == .preconditionFailed)
        }
    }

    @Test("50 interviewers submit scorecards over HTTP at once against a file database; every 201 is stored, once")
    func fiftyOverHTTP() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-api-50-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try AppDatabase.open(path: folder.appendingPathComponent("db.sqlite").path)
        let admin = Principal.localOperator(named: "test")
        let rubric = try RubricDecoder.decode(yaml: String(contentsOfFile: ServerFixture.rubricPath, encoding: .utf8), file: "backend-engineer.yaml")
        var tokens: [AccessToken] = []
        var emails: [EmailAddress] = []
        for index in 0..<50 {
            let email = try EmailAddress("panel\(index)@example.com")
            _ = try await store.addUser(User(name: "Panel \(index)", email: email, role: .interviewer), by: admin)
            tokens.append(try await store.issueAccessToken(to: email, label: "t", lifetime: 3_600, by: admin).token)
            emails.append(email)
        }
        let position = try await store.addPosition(Position(title: "Backend Engineer", rubricID: rubric.id), by: admin)
        let candidate = try await store.addCandidate(Candidate(name: "Ada", email: EmailAddress("ada@example.com")), by: admin)
        let ids = try await store.users().filter { $0.email.value.hasPrefix("panel") }.compactMap(\.id)
        let round = try await store.scheduleRound(
            Round(candidateID: candidate.id!, positionID: position.id!, kind: .technical, scheduledAt: Date(), interviewerIDs: ids), rubric: rubric,
            by: admin)
        let app = Application(
            router: DebriefApplication.router(
                database: store, options: .init(rubrics: RubricCatalog(rubrics: [rubric]), passwordCost: 4, writesPerMinute: 100_000)))
        let snapshot = tokens
        try await app.test(.router) { client in
            let created = try await withThrowingTaskGroup(of: Int?.self) { group in
                for (index, token) in snapshot.enumerated() {
                    group.addTask {
                        let answer = try await APIClient(client: client, token: token).call(
                            .post, "/api/v1/scorecards",
                            json:
                                #"{"round_id":\#(round.id!),"ratings":[{"competency_id":"apis-http","value":\#(1 + index % 4)}],"recommendation":"yes","notes":"card \#(index)"}"#
                        )
                        return answer.status == .created ? answer.json["id"] as? Int : nil
                    }
                }
                return try await group.reduce(into: [Int]()) { if let id = $1 { $0.append(id) } }
            }
            #expect(created.count == 50)
        }
        let reopened = try AppDatabase.open(path: folder.appendingPathComponent("db.sqlite").path)
        let cards = try await reopened.scorecards(roundID: round.id!)
        #expect(cards.count == 50 && Set(cards.map(\.interviewerID)).count == 50)
        #expect(Set(cards.map(\.notes)) == Set((0..<50).map { "card \($0)" }))
    }
}

/// SQLite's size limit on the writer connection, standing in for a disk that is full.
enum FullDisk {
    static func limit(_ store: AppDatabase, extraPages: Int) async throws {
        try await store.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + extraPages)")
        }
    }
}
