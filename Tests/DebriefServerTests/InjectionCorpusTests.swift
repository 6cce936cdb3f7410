import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefServer

/// A corpus of hostile input sent through the API and shown back through every view of it: each
/// value is refused with a 4xx problem or stored exactly as sent, and renders inert everywhere it
/// shows (escaped in HTML, defused in CSV, quoted in JSON). Never a 5xx.
@Suite("Hostile input")
struct InjectionCorpusTests {
    static let corpus: [String] = [
        "Robert'); DROP TABLE candidate;--", "' OR '1'='1", "1; SELECT * FROM user",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
        "{{#candidates}}{{name}}{{/candidates}}", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "@SUM(A1:A9)", "-2+3",
        "../../etc/passwd", "..\\..\\windows\\win.ini", "x\r\nSet-Cookie: evil=1", "a\u{0}b", "\u{202E}txt.exe", "😀 Zoë ﷽",
        String(repeating: "A", count: 199),
    ]

    @Test("each hostile name is refused with a 4xx or stored as sent, and is inert in the pages, the HTML, Markdown and CSV reports")
    func names() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let candidatePath = "/api/v1/candidates/\(fixture.candidateID)"
            for (index, payload) in Self.corpus.enumerated() {
                let body = String(
                    decoding: try JSONSerialization.data(withJSONObject: ["name": payload, "email": "hostile\(index)@example.com", "source": payload]
                    ), as: UTF8.self)
                let created = try await api.call(.post, "/api/v1/candidates", json: body)
                #expect(created.status.code < 500, "\(payload.debugDescription): \(created.status)")
                if created.status == .created {
                    // Stored as sent, with white space collapsed as every name is.
                    let collapsed = payload.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    #expect(created.json["name"] as? String == collapsed, "stored as sent: \(payload.debugDescription)")
                } else {
                    #expect(created.status.code >= 400 && created.json["detail"] is String, "\(payload.debugDescription) refused with a reason")
                }
                // The candidate who has a round and a scorecard takes the name, so every report shows it.
                let current = try await api.call(.get, candidatePath)
                let patch = String(decoding: try JSONSerialization.data(withJSONObject: ["name": payload]), as: UTF8.self)
                let renamed = try await api.call(
                    .patch, candidatePath, json: patch, headers: [.ifMatch: current.headers[.eTag] ?? ""], contentType: "application/merge-patch+json"
                )
                #expect(renamed.status.code < 500, "\(payload.debugDescription): \(renamed.status)")
                guard renamed.status == .ok else { continue }
                let shown = (renamed.json["name"] as? String) ?? ""
                for path in ["/candidates/\(fixture.candidateID)", "/positions/\(fixture.positionID)", "/candidates?q=\(index)"] {
                    let page = try await client.execute(uri: path, method: .get, headers: Headers.browser(fixture.recruiterSession)) { $0.body.text }
                    Self.expectInertHTML(page, shown, at: path)
                }
                let htmlReport = try await api.call(.get, "/api/v1/positions/\(fixture.positionID)/report?format=html").text
                Self.expectInertHTML(htmlReport, shown, at: "the HTML report")
                let csv = try await api.call(.get, "/api/v1/positions/\(fixture.positionID)/report?format=csv").text
                for line in csv.split(separator: "\n") {
                    for cell in line.split(separator: ",")
                    where cell.hasPrefix("=") || cell.hasPrefix("+") || cell.hasPrefix("@") || cell.hasPrefix("\"=") || cell.hasPrefix("\"+")
                        || cell.hasPrefix("\"@")
                    {
                        Issue.record("a CSV cell a spreadsheet would run: \(cell) for \(payload.debugDescription)")
                    }
                }
                let markdown = try await api.call(.get, "/api/v1/positions/\(fixture.positionID)/report?format=md").text
                // Markdown shows the text; an angle bracket from a value comes backslash-escaped, so no renderer reads it as HTML.
                let rawTag = try NSRegularExpression(pattern: #"(?<!\\)<(script|img|svg)"#, options: [.caseInsensitive])
                #expect(
                    rawTag.firstMatch(in: markdown, range: NSRange(markdown.startIndex..., in: markdown)) == nil,
                    "\(payload.debugDescription) in Markdown")
            }
        }
    }

    @Test("each hostile value typed into the web app's forms and search is stored as typed or refused on the form, and inert wherever it shows")
    func webForms() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            var stored = 0
            for (index, payload) in Self.corpus.enumerated() {
                // As a phone number it is refused on the form, which shows it back, inert.
                let badPhone = [("csrf", session.formProof), ("name", "Pat"), ("email", "phone\(index)@example.com"), ("phone", payload)]
                let refused = try await InterviewPageTests.post(client, "/candidates", Self.urlEncoded(badPhone), session: session)
                #expect(refused.status == .unprocessableContent, "\(payload.debugDescription) as a phone: \(refused.status)")
                Self.expectInertHTML(refused.body.text, payload, at: "the add-candidate form", echoesTyped: true)
                let form = [("csrf", session.formProof), ("name", payload), ("email", "web\(index)@example.com"), ("source", payload)]
                let posted = try await InterviewPageTests.post(client, "/candidates", Self.urlEncoded(form), session: session)
                #expect(posted.status.code < 500, "\(payload.debugDescription): \(posted.status)")
                // A refusal comes back on the form, which shows what was typed, inert.
                Self.expectInertHTML(posted.body.text, payload, at: "the add-candidate form", echoesTyped: true)
                #expect(!posted.headers.contains { $0.value.contains("evil") }, "a header from \(payload.debugDescription)")
                let shown: String
                if posted.status == .seeOther, let location = posted.headers[.location] {
                    shown = try await InterviewPageTests.page(client, location, session: session).body.text
                    let collapsed = payload.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    let candidate = try await fixture.store.candidate(.email(EmailAddress("web\(index)@example.com")))
                    #expect(candidate.name == collapsed && candidate.source == collapsed, "stored as typed: \(payload.debugDescription)")
                    stored += 1
                } else {
                    #expect(posted.status.code >= 400 && posted.body.text.contains("<form"), "\(payload.debugDescription) refused on its form")
                    shown = posted.body.text
                }
                Self.expectInertHTML(shown, payload, at: "the candidate's page", echoesTyped: posted.status != .seeOther)
                var query = URLComponents()
                query.queryItems = [URLQueryItem(name: "q", value: payload)]
                for path in ["/candidates", "/questions"] {
                    let page = try await InterviewPageTests.page(client, path + (query.percentEncodedQuery.map { "?" + $0 } ?? ""), session: session)
                    #expect(page.status.code < 500, "\(path) searched for \(payload.debugDescription): \(page.status)")
                    // The search box shows the query as typed.
                    Self.expectInertHTML(page.body.text, payload, at: "\(path) searched", echoesTyped: true)
                    #expect(!page.headers.contains { $0.value.contains("evil") }, "a header from \(payload.debugDescription)")
                }
            }
            #expect(stored >= Self.corpus.count - 3, "only \(stored) of \(Self.corpus.count) hostile names were stored as typed")
        }
    }

    /// `application/x-www-form-urlencoded`, every byte but the unreserved ones percent-encoded.
    static func urlEncoded(_ fields: [(String, String)]) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: unreserved)!)" }.joined(separator: "&")
    }

    /// No payload markup survives as markup: no script element, event handler or javascript: URL from it.
    /// A form that comes back shows what was typed exactly (`echoesTyped`), CR LF included, as an
    /// attribute's or a text area's text: inert there, so only the response's headers are checked for it.
    static func expectInertHTML(_ page: String, _ payload: String, at path: String, echoesTyped: Bool = false) {
        let lowered = page.lowercased()
        #expect(!lowered.contains("<script>alert"), "\(path): a script from \(payload.debugDescription)")
        #expect(!lowered.contains("<img src=x onerror") && !lowered.contains("<svg onload"), "\(path): markup from \(payload.debugDescription)")
        #expect(!lowered.contains("href=\"javascript:"), "\(path): a javascript: link from \(payload.debugDescription)")
        if !echoesTyped { #expect(!page.contains("\r\nSet-Cookie"), "\(path)") }
    }

    @Test("hostile bodies: invalid UTF-8, deep nesting, huge numbers, NUL bytes and oversize JSON are 4xx problems, never 5xx")
    func bodies() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = APIClient(client: client, token: fixture.recruiter)
            let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
            let cases: [(String, ByteBuffer)] = [
                ("invalid UTF-8", ByteBuffer(bytes: Array(#"{"name": ""#.utf8) + [0xC3, 0x28, 0xFF] + Array(#"", "email": "x@example.com"}"#.utf8))),
                ("deeply nested", ByteBuffer(string: deep)),
                ("nested objects", ByteBuffer(string: String(repeating: #"{"a":"#, count: 5_000) + "1" + String(repeating: "}", count: 5_000))),
                ("a huge number", ByteBuffer(string: #"{"name": 1e999999, "email": "x@example.com"}"#)),
                ("a NUL byte", ByteBuffer(string: "{\"name\": \"a\u{0}b\", \"email\": \"nul@example.com\"}")),
                ("not JSON", ByteBuffer(string: "name=x&email=y")),
                ("oversize", ByteBuffer(string: #"{"name": ""# + String(repeating: "x", count: 70_000) + #"", "email": "big@example.com"}"#)),
            ]
            for (what, body) in cases {
                let answer = try await api.send(.post, "/api/v1/candidates", body: body, contentType: "application/json")
                #expect(answer.status.code >= 200 && answer.status.code < 500, "\(what): \(answer.status) \(answer.text.prefix(200))")
            }
            let scorecard = #"{"round_id": 1, "ratings": [{"competency_id": "fundamentals", "value": 99999999999999999999999}]}"#
            let huge = try await api.call(.post, "/api/v1/scorecards", json: scorecard)
            #expect(huge.status.code >= 400 && huge.status.code < 500, "a rating beyond any integer: \(huge.status)")
        }
    }
}
