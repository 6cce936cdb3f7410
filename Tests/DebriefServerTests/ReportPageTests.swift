import DebriefCore
import DebriefReports
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@Suite("Report pages and the report API")
struct ReportPageTests {
    @Test("the pack pages its ranking on the server, in four orders, and prints whole with ?all=1")
    func pagedRanking() async throws {
        let fixture = try await ServerFixture.make()
        let admin = Principal.localOperator(named: "tester")
        let panel = try await fixture.store.addUser(User(name: "Pat", email: EmailAddress("pat@debrief.example"), role: .interviewer), by: admin)
        for n in 1...120 {
            let candidate = try await fixture.store.addCandidate(
                Candidate(name: String(format: "Zed %03d", 121 - n), email: EmailAddress("zed\(n)@example.com"), phone: nil, source: nil), by: admin)
            _ = try await fixture.store.scheduleRound(
                Round(candidateID: candidate.id!, positionID: fixture.positionID, kind: .hr, scheduledAt: Date(), interviewerIDs: [panel.id!]),
                rubric: fixture.rubric, by: admin)
        }
        let path = "/positions/\(fixture.positionID)"
        func page(_ query: String) async throws -> (status: HTTPResponse.Status, html: String, rows: Int) {
            let result = Mutex<(HTTPResponse.Status, String, Int)>((.ok, "", 0))
            try await fixture.test { client in
                try await client.execute(uri: path + query, method: .get, headers: Headers.browser(fixture.recruiterSession)) { response in
                    let html = response.body.text
                    result.withLock { $0 = (response.status, html, html.components(separatedBy: "<a href=\"\(path)/candidates/").count - 1) }
                }
            }
            return result.withLock { $0 }
        }
        let first = try await page("")
        #expect(first.status == .ok && first.rows == 100)
        #expect(first.html.contains("Candidates 1–100 of 121, in rank order. Page 1 of 2."))
        // Above the table too, so the next page is reachable without scrolling past a hundred rows.
        let ranking = try #require(first.html.range(of: "<h2>Ranking</h2>"))
        let table = try #require(first.html.range(of: "<div class=\"scroll\"><table class=\"stack\">"))
        #expect(first.html[ranking.upperBound..<table.lowerBound].contains("href=\"#ranking-pages\""))
        #expect(first.html.contains("href=\"\(path)?sort=rank&amp;page=2\" rel=\"next\"") && !first.html.contains("rel=\"prev\""))
        // The scored candidate ranks first; the rest follow.
        #expect(first.html.range(of: "Ada")!.lowerBound < first.html.range(of: "Zed")!.lowerBound)
        let second = try await page("?page=2")
        #expect(second.rows == 21 && second.html.contains("Candidates 101–121 of 121") && second.html.contains("rel=\"prev\""))
        let byName = try await page("?sort=name")
        #expect(byName.html.contains("<strong aria-current=\"true\">name</strong>"))
        let names = byName.html.components(separatedBy: "<a href=\"\(path)/candidates/").dropFirst().map { $0.split(separator: ">")[1].prefix(7) }
        #expect(names.first == "&lt;scr", "the fixture's name, escaped, sorts first by its '<'")
        #expect(Array(names.dropFirst().prefix(3)) == ["Zed 001", "Zed 002", "Zed 003"])
        let everything = try await page("?all=1")
        #expect(everything.rows == 121 && !everything.html.contains("Ranking pages"))
        let past = try await page("?page=3")
        #expect(past.status == .badRequest && past.html.contains("there is no page 3 of the ranking; it has 2 pages"))
        let bogus = try await page("?sort=salary")
        #expect(bogus.status == .badRequest && bogus.html.contains("use one of: rank, name, stage, calibrated"))
        let word = try await page("?page=two")
        #expect(word.status == .badRequest && word.html.contains("two") && word.html.contains("is not a page number"))
    }

    @Test("a recruiter gets the position's debrief pack: the reports' own HTML, linking each candidate's page")
    func positionPage() async throws {
        let fixture = try await ServerFixture.make()
        let report = try await DebriefService(database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric])).positionReport(
            fixture.positionID)
        let link = "/positions/\(fixture.positionID)/candidates/\(fixture.candidateID)"
        try await fixture.test { client in
            try await client.execute(uri: "/positions/\(fixture.positionID)?all=1", method: .get, headers: Headers.browser(fixture.recruiterSession))
            { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                // The same section the CLI's file holds, inside the app's layout with its navigation.
                #expect(
                    response.body.text.contains(
                        PositionReportHTML.section(
                            report, candidateLinks: [fixture.candidateID: link], rubricStudy: "/rubrics/backend-engineer/reliability")))
                #expect(response.body.text.contains("<nav aria-label=\"Main\">") && response.body.text.contains("href=\"/candidates\""))
                #expect(response.body.text.contains("href=\"\(link)\""))
            }
        }
    }

    @Test("a candidate's page is the candidate report, with names and notes escaped")
    func candidatePage() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let uri = "/positions/\(fixture.positionID)/candidates/\(fixture.candidateID)"
            try await client.execute(uri: uri, method: .get, headers: Headers.browser(fixture.recruiterSession)) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ada"))
                #expect(!html.contains("<script"))
                #expect(!html.contains("<img"))
                #expect(html.contains("Solid on HTTP &lt;/p&gt;&lt;img src=x onerror=alert(2)&gt;"))
            }
        }
    }

    @Test("interviewers cannot read reports, which show colleagues' scorecards", arguments: ["/positions/1", "/positions/1/candidates/1"])
    func interviewerRefused(path: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: path, method: .get, headers: Headers.browser(fixture.interviewerSession)) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.text.contains("open to recruiters and admins"))
                #expect(!response.body.text.contains("Solid on HTTP"))
            }
            try await client.execute(
                uri: "/api" + path + "/report", method: .get, headers: Headers.bearer(fixture.interviewer)
            ) {
                response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("the home page lists positions for recruiters and sends interviewers to their interviews")
    func home() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: Headers.browser(fixture.recruiterSession)) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("<a href=\"/positions/\(fixture.positionID)\">Backend Engineer</a>"))
                #expect(response.body.text.contains("riley@debrief.example (recruiter)"))
            }
            try await client.execute(uri: "/", method: .get, headers: Headers.browser(fixture.interviewerSession)) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/interviews")
            }
        }
    }

    @Test("the pages' report links go to /api/v1, each answering a signed-in browser in its own format")
    func reportLinks() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let candidatePage = "/candidates/\(fixture.candidateID)"
            var links: [String] = []
            for page in ["/", candidatePage] {
                let html = try await client.execute(uri: page, method: .get, headers: Headers.browser(fixture.recruiterSession)) { $0.body.text }
                links += html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                    .filter { $0.hasPrefix("/api/") }.map { $0.replacingOccurrences(of: "&amp;", with: "&") }
            }
            #expect(links.count == 5 && links.allSatisfy { $0.hasPrefix("/api/v1/") }, "\(links)")
            let types = ["csv": "text/csv", "md": "text/markdown", "json": "application/json"]
            for link in links {
                try await client.execute(uri: link, method: .get, headers: Headers.browser(fixture.recruiterSession)) { response in
                    let format = String(link.split(separator: "=").last ?? "")
                    #expect(response.status == .ok && response.headers[HTTPField.Name("Deprecation")!] == nil, "\(link)")
                    #expect(
                        response.headers[.contentType]?.hasPrefix(types[format] ?? "?") == true, "\(link): \(response.headers[.contentType] ?? "")")
                }
            }
        }
    }

    @Test("the API's JSON report is the documented contract, as the CLI prints it")
    func jsonReport() async throws {
        let fixture = try await ServerFixture.make()
        let report = try await DebriefService(database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric])).positionReport(
            fixture.positionID)
        try await fixture.test { client in
            try await client.execute(uri: "/api/positions/\(fixture.positionID)/report", method: .get, headers: Headers.bearer(fixture.recruiter)) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.body.text == (try JSONText.string(report) + "\n"))
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((json?["candidates"] as? [Any])?.count == 1)
            }
        }
    }

    @Test("every report format is served with its media type", arguments: ReportFormat.allCases)
    func formats(format: ReportFormat) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let uri = "/api/positions/\(fixture.positionID)/candidates/\(fixture.candidateID)/report?format=\(format.rawValue)"
            try await client.execute(uri: uri, method: .get, headers: Headers.bearer(fixture.recruiter)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == format.contentType)
                #expect(response.body.text.contains("Ada"))
            }
        }
    }

    @Test("unknown positions and candidates are 404, bad ids and formats 400, each saying what was wrong")
    func badRequests() async throws {
        let fixture = try await ServerFixture.make()
        let cases: [(String, HTTPResponse.Status, String)] = [
            ("/api/positions/99/report", .notFound, "no position"),
            ("/api/positions/\(fixture.positionID)/candidates/99/report", .notFound, "candidate #99"),
            ("/api/positions/abc/report", .badRequest, "'abc' is not a position id"),
            ("/api/positions/\(fixture.positionID)/report?format=pdf", .badRequest, "format 'pdf' is not one of: html, md, csv, json"),
            ("/api/nothing", .notFound, "there is nothing at this address"),
        ]
        try await fixture.test { client in
            for (uri, status, detail) in cases {
                try await client.execute(uri: uri, method: .get, headers: Headers.bearer(fixture.recruiter)) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.body.text.contains(detail), "\(uri): \(response.body.text)")
                }
            }
            try await client.execute(uri: "/positions/99", method: .get, headers: Headers.browser(fixture.recruiterSession)) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.body.text.contains("no position"))
            }
        }
    }
}
