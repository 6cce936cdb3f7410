import DebriefCore
import DebriefServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefService
@testable import DebriefStore

@Suite("Cached position reports")
struct ReportCacheTests {
    static let admin = Principal.localOperator(named: "tester")

    @Test("every write to what a position's report shows advances its data version, and a write to another position does not")
    func versionAdvances() async throws {
        let fixture = try await ServerFixture.make()
        let store = fixture.store
        var seen = try await store.reportDataVersion(positionID: fixture.positionID)
        func expectAdvanced(_ what: String, shared: Bool = false) async throws {
            let now = try await store.reportDataVersion(positionID: fixture.positionID)
            #expect(shared ? now.shared > seen.shared : now.position > seen.position, "\(what) did not advance the version")
            seen = now
        }
        _ = try await store.moveCandidate(.id(fixture.candidateID), to: .screening, by: Self.admin)
        try await expectAdvanced("a stage move")
        let panel = try await store.addUser(User(name: "Pat", email: EmailAddress("pat@debrief.example"), role: .interviewer), by: Self.admin)
        let second = try await store.addUser(User(name: "Sam", email: EmailAddress("sam@debrief.example"), role: .interviewer), by: Self.admin)
        let other = try await store.addPosition(Position(title: "Data Engineer", rubricID: fixture.rubric.id), by: Self.admin)
        let newcomer = try await store.addCandidate(
            Candidate(name: "Bo", email: EmailAddress("bo@example.com"), phone: nil, source: nil), by: Self.admin)
        _ = try await store.scheduleRound(
            Round(candidateID: newcomer.id!, positionID: other.id!, kind: .technical, scheduledAt: Date(), interviewerIDs: [panel.id!]),
            rubric: fixture.rubric, by: Self.admin)
        #expect(try await store.reportDataVersion(positionID: fixture.positionID) == seen, "another position's round changed this one's version")
        let round = try await store.scheduleRound(
            Round(candidateID: newcomer.id!, positionID: fixture.positionID, kind: .hr, scheduledAt: Date(), interviewerIDs: [panel.id!]),
            rubric: fixture.rubric, by: Self.admin)
        try await expectAdvanced("a round")
        for (what, sql) in [
            ("a panel change", "INSERT INTO round_interviewer (round_id, user_id) VALUES (\(round.id!), \(second.id!))"),
            ("a rating's change", "UPDATE rating SET value = 1 WHERE id = (SELECT min(id) FROM rating)"),
            ("a scorecard's change", "UPDATE scorecard SET notes = 'changed'"),
            ("a position's retitling", "UPDATE position SET title = 'Platform Engineer' WHERE id = \(fixture.positionID)"),
        ] {
            try await store.writer.write { db in try db.execute(sql: sql) }
            try await expectAdvanced(what)
        }
        try await store.writer.write { db in try db.execute(sql: "UPDATE user SET name = 'Inès' WHERE email = 'ines@debrief.example'") }
        try await expectAdvanced("an interviewer's new name", shared: true)
        try await store.writer.write { db in try db.execute(sql: "UPDATE user SET password_hash = NULL") }
        #expect(try await store.reportDataVersion(positionID: fixture.positionID) == seen, "a password change invalidated reports")
    }

    @Test("the API serves the same report from the cache until a write, and never a stale one after it")
    func neverStale() async throws {
        let fixture = try await ServerFixture.make()
        let options = DebriefApplication.Options(rubrics: RubricCatalog(rubrics: [fixture.rubric]), passwordCost: ServerFixture.passwordCost)
        let service = DebriefService(database: fixture.store, rubrics: options.rubrics, passwordCost: ServerFixture.passwordCost)
        let app = Application(router: DebriefApplication.router(service: service, options: options))
        let uri = "/api/v1/positions/\(fixture.positionID)/report"
        try await app.test(.router) { client in
            func report() async throws -> (stage: String, scorecards: Int, body: String) {
                try await client.execute(uri: uri, method: .get, headers: Headers.bearer(fixture.recruiter)) { response in
                    #expect(response.status == .ok)
                    let json = try JSONSerialization.jsonObject(with: Data(response.body.text.utf8)) as! [String: Any]
                    let entry = (json["candidates"] as! [[String: Any]])[0]
                    return (entry["stage"] as! String, entry["scorecards"] as! Int, response.body.text)
                }
            }
            let first = try await report()
            // The cached rendering's tag is its body's SHA-256, worked out once; a client holding it gets 304.
            let tag = try await client.execute(uri: uri, method: .get, headers: Headers.bearer(fixture.recruiter)) { response in
                #expect(response.headers[.eTag] == "\"" + SHA256.hex(of: Array(response.body.text.utf8)).prefix(32) + "\"")
                return response.headers[.eTag] ?? ""
            }
            var conditional = Headers.bearer(fixture.recruiter)
            conditional[.ifNoneMatch] = tag
            try await client.execute(uri: uri, method: .get, headers: conditional) { #expect($0.status == .notModified) }
            let hits = service.reportCache.hits
            #expect(try await report().body == first.body)
            #expect(service.reportCache.hits == hits + 1, "the second request built the report again")
            _ = try await fixture.store.moveCandidate(.id(fixture.candidateID), to: .screening, by: Self.admin)
            #expect(try await report().stage == "screening")
            try await fixture.store.writer.write { db in
                try db.execute(sql: "UPDATE scorecard SET recommendation = 'strong_no'")
            }
            let after = try await report()
            #expect(after.body.contains("strong_no"), "a changed scorecard was served from the cache")
            // A candidate's own report reads only their part and takes the position's figures from the cache.
            let beforeCandidate = service.reportCache.hits
            let candidate = try await service.candidateReport(fixture.candidateID, position: fixture.positionID)
            #expect(candidate.candidate.stage == "screening" && service.reportCache.hits == beforeCandidate + 1)
        }
    }

    @Test("a report built without the reliability study (for CSV) is never kept, and a kept whole one serves CSV too")
    func reportWithoutStudyNotKept() async throws {
        let fixture = try await ServerFixture.make()
        let service = DebriefService(database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]))
        let version = try await fixture.store.reportDataVersion(positionID: fixture.positionID)
        let leftOut = "the reliability study was not worked out for this report"
        let partial = try await service.positionReport(fixture.positionID, studyingReliability: false)
        #expect(partial.notes.contains(leftOut))
        let (_, partialBatch) = try await service.positionDossierAndReport(fixture.positionID, studyingReliability: false)
        #expect(partialBatch.notes.contains(leftOut))
        #expect(service.reportCache.report(fixture.positionID, version: version) == nil, "a report without its study was kept")
        let whole = try await service.positionReport(fixture.positionID)
        #expect(!whole.notes.contains(leftOut) && service.reportCache.report(fixture.positionID, version: version) != nil)
        let hits = service.reportCache.hits
        let forCSV = try await service.positionReport(fixture.positionID, studyingReliability: false)
        #expect(!forCSV.notes.contains(leftOut) && service.reportCache.hits == hits + 1, "the kept whole report was not used")
    }

    @Test("a report cached before a restore is never served after it, even when the restored data reaches the same version again")
    func neverStaleAfterRestore() async throws {
        let fixture = try await ServerFixture.make()
        let service = DebriefService(database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func stage() async throws -> String? {
            try await service.positionReport(fixture.positionID).candidates.first { $0.id == fixture.candidateID }?.stage
        }
        let before = try await stage()
        _ = try await service.backUp(to: folder.appendingPathComponent("before.sqlite").path, by: Self.admin)
        _ = try await fixture.store.moveCandidate(.id(fixture.candidateID), to: .screening, by: Self.admin)
        #expect(try await stage() == "screening")
        _ = try await service.restore(
            from: folder.appendingPathComponent("before.sqlite").path, keepingPreviousAt: folder.appendingPathComponent("previous.sqlite").path,
            by: Self.admin)
        #expect(try await stage() == before, "the report cached before the restore was served after it")
        // One write after the restore takes the position back to the version the screening report was cached under.
        _ = try await fixture.store.moveCandidate(.id(fixture.candidateID), to: .rejected, by: Self.admin)
        #expect(try await stage() == "rejected", "a report cached before the restore was served for data written after it")
    }

    @Test("requests arriving together for a report that is not cached share one build and one rendering")
    func oneBuildForMany() async throws {
        let fixture = try await ServerFixture.make()
        let admin = Self.admin
        let panel = try await fixture.store.addUser(User(name: "Pat", email: EmailAddress("pat@debrief.example"), role: .interviewer), by: admin)
        for n in 1...300 {
            let candidate = try await fixture.store.addCandidate(
                Candidate(name: "Cand \(n)", email: EmailAddress("cand\(n)@example.com"), phone: nil, source: nil), by: admin)
            _ = try await fixture.store.scheduleRound(
                Round(candidateID: candidate.id!, positionID: fixture.positionID, kind: .hr, scheduledAt: Date(), interviewerIDs: [panel.id!]),
                rubric: fixture.rubric, by: admin)
        }
        let service = DebriefService(database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]))
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await service.renderedPositionReport(fixture.positionID, format: .json).text } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(texts).count == 1 && texts.count == 8)
        #expect(service.reportBuilds.started == 1, "\(service.reportBuilds.started) builds for one report")
        #expect(service.reportRenderings.started == 1, "\(service.reportRenderings.started) renderings of one report")
        // Another format is a rendering of its own, of the report already kept.
        _ = try await service.renderedPositionReport(fixture.positionID, format: .csv)
        #expect(service.reportRenderings.started == 2 && service.reportBuilds.started == 1)
    }
}
