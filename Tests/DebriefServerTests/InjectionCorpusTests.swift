import DebriefCore
@testable import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

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
                let body = String(decoding: try JSONSerialization.data(withJSONObject: ["name": payload, "email": "hostile\(index)@example.com", "source": payload]), as: UTF8.self)
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
                    .patch, candidatePath, json: patch, headers: [.ifMatch: current.headers[.eTag] ?? ""], contentType: "application/merge-patch+json")
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
                    for cell in line.split(separator: ",") where cell.hasPrefix("=") || cell.hasPrefix("+") || cell.hasPrefix("@") || cell.hasPrefix("\"=") || cell.hasPrefix("\"+") || cell.hasPrefix("\"@") {
                        Issue.record("a CSV cell a spreadsheet would run: \(cell) for \(payload.debugDescription)")
                    }
                }
                let markdown = try await api.call(.get, "/api/v1/positions/\(fixture.positionID)/report?format=md").text
                // Markdown shows the text; an angle bracket from a value comes backslash-escaped, so no renderer reads it as HTML.
                let rawTag = try NSRegularExpression(pattern: #"(?<!\\)<(script|img|svg)"#, options: [.caseInsensitive])
                #expect(rawTag.firstMatch(in: markdown, range: NSRange(markdown.startIndex..., in: markdown)) == nil, "\(payload.debugDescription) in Markdown")
            }
        }
    }

    /// No payload markup survives as markup: no script element, event handler or javascript: URL from it.
    static func expectInertHTML(_ page: String, _ payload: String, at path: String) {
        let lowered = page.lowercased()
        #expect(!lowered.contains("<script>alert"), "\(path): a script from \(payload.debugDescription)")
        #expect(!lowered.contains("<img src=x onerror") && !lowered.contains("<svg onload"), "\(path): markup from \(payload.debugDescription)")
        #expect(!lowered.contains("href=\"javascript:"), "\(path): a javascript: link from \(payload.debugDescription)")
        #expect(!page.contains("\r\nSet-Cookie"), "\(path)")
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
