import DebriefCore
import DebriefServer
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The question bank through its routes: importing by paste and by upload (preview, then store),
/// full-text search with filters, and pages that stay safe whatever a page carried.
@Suite("Question bank pages")
struct QuestionBankPageTests {
    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/questionsets/backend-interview-questions.html").standardized.path

    static let boundary = "----debrief-test-boundary"

    /// A multipart/form-data body: text fields, and a file when given.
    static func multipart(_ fields: [(String, String)], file: (name: String, data: Data)? = nil) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/html\r\n\r\n")
            body.writeBytes(file.data)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    static func post(_ client: some TestClientProtocol, _ body: ByteBuffer, session: AccessToken) async throws -> TestResponse {
        var headers = Headers.browser(session)
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: "/questions/import", method: .post, headers: headers, body: body) { $0 }
    }

    /// The base64 page the preview's confirm form carries.
    static func previewedPage(_ html: String) -> String? {
        guard let range = html.range(of: "name=\"page\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test("the seed page pasted: a preview of 40 questions in 4 sections stores nothing; confirming stores it once")
    func paste() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        let seed = try String(contentsOfFile: Self.seedPath, encoding: .utf8)
        try await fixture.test { client in
            let preview = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview"), ("html", seed), ("rubric", "backend-engineer")]),
                session: session)
            #expect(preview.status == .ok)
            let html = preview.body.text
            #expect(html.contains("40 questions in 4 sections would be stored, mapped to Backend Engineer"), "\(html.prefix(3000))")
            #expect(html.contains("lines left out, with the reasons"))
            let page = try #require(Self.previewedPage(html))
            #expect(try await fixture.store.questionSets().isEmpty, "a preview stores nothing")
            let confirm = Self.multipart([("csrf", session.formProof), ("action", "store"), ("page", page), ("rubric", "backend-engineer")])
            let stored = try await Self.post(client, confirm, session: session)
            #expect(stored.status == .seeOther && stored.headers[.location] == "/questions/sets/1?done=stored")
            let again = try await Self.post(client, confirm, session: session)
            #expect(again.headers[.location] == "/questions/sets/1?done=unchanged")
            let setPage = try await InterviewPageTests.page(client, "/questions/sets/1?done=unchanged", session: session).body.text
            #expect(setPage.contains("in the bank already, unchanged") && setPage.contains("Explain the CAP theorem"))
        }
        let sets = try await fixture.store.questionSets()
        #expect(sets.count == 1 && sets[0].questions.count == 40 && Set(sets[0].questions.compactMap(\.section)).count == 4)
        #expect(sets[0].questions.contains { $0.competencies.contains("databases") })
    }

    @Test("the preview says how each section was read and shows titled questions with their titles")
    func previewLayouts() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        let blocks = [
            ("Law of Demeter", "Why should an object talk only to its immediate collaborators?"),
            ("Index 0", "Why do array indexes start with 0 in most languages?"),
            ("Cohesion vs Coupling", "How do cohesion and coupling pull a design in different directions?"),
        ]
        let page = "<title>Design</title><h2>Design</h2>" + blocks.map { "<h3>\($0.0)</h3><p>\($0.1)</p><p>It depends.</p>" }.joined()
        try await fixture.test { client in
            let preview = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview"), ("html", page)]), session: session)
            let html = preview.body.text
            #expect(preview.status == .ok && html.contains("3 questions in 1 section would be stored"), "\(html.prefix(2000))")
            #expect(html.contains("<p class=\"meta section-layout\">Read as a title heading, then the paragraph that asks.</p>"), "\(html)")
            #expect(html.contains("<strong>Law of Demeter</strong>: Why should an object talk only to its immediate collaborators?"))
            let one = try await Self.post(
                client,
                Self.multipart([
                    ("csrf", session.formProof), ("action", "preview"), ("html", "<title>One</title><h3>What is a mutex?</h3><p>A lock.</p>"),
                ]),
                session: session)
            #expect(one.body.text.contains("(1 question)") && one.body.text.contains("Store this question"), "\(one.body.text)")
        }
    }

    @Test("the seed page uploaded as a file is named by its file and stored the same way")
    func upload() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        let seed = try Data(contentsOf: URL(fileURLWithPath: Self.seedPath))
        try await fixture.test { client in
            let preview = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview")], file: ("backend-interview-questions.html", seed)),
                session: session)
            let html = preview.body.text
            #expect(preview.status == .ok && html.contains("40 questions in 4 sections"))
            #expect(html.contains("name=\"filename\" value=\"backend-interview-questions.html\""))
            let page = try #require(Self.previewedPage(html))
            let stored = try await Self.post(
                client,
                Self.multipart([("csrf", session.formProof), ("action", "store"), ("page", page), ("filename", "backend-interview-questions.html")]),
                session: session)
            #expect(stored.status == .seeOther)
        }
        let sets = try await fixture.store.questionSets()
        #expect(sets.first?.source == "backend-interview-questions.html" && sets.first?.questions.count == 40)
    }

    @Test("a full-text search finds the CAP theorem question, marks the words, and reads any input as words")
    func search() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        let seed = try Data(contentsOf: URL(fileURLWithPath: Self.seedPath))
        let service = DebriefService(database: fixture.store, rubrics: RubricCatalog(rubrics: [fixture.rubric]))
        _ = try await service.importPage(
            PageUpload(data: seed, path: "seed.html", name: nil), with: service.importer(rubricID: "backend-engineer", overrides: nil),
            preview: false,
            by: Principal.localOperator(named: "tester"))
        try await fixture.test { client in
            let found = try await InterviewPageTests.page(client, "/questions?q=CAP+theorem", session: session).body.text
            #expect(found.contains("Explain the <mark>CAP</mark> <mark>theorem</mark> in distributed databases."), "\(found)")
            #expect(found.contains("value=\"CAP theorem\""), "the words typed are shown as typed")
            let prefix = try await InterviewPageTests.page(client, "/questions?q=idempot", session: session).body.text
            #expect(prefix.contains("1 question found"))
            let syntax = try await InterviewPageTests.page(client, "/questions?q=%22AND+NEAR%28+*", session: session)
            #expect(syntax.status == .ok && syntax.body.text.contains("0 questions found"))
            let filtered = try await InterviewPageTests.page(client, "/questions?q=&competency=databases", session: session).body.text
            #expect(filtered.contains("questions found") && !filtered.contains("0 questions found"))
            let page2 = try await InterviewPageTests.page(client, "/questions?set=1&offset=25", session: session).body.text
            #expect(page2.contains("<ol class=\"hits\" start=\"26\">") && page2.contains("previous 25"))
            #expect(try await InterviewPageTests.page(client, "/questions?offset=-1&set=1", session: session).status == .badRequest)
        }
    }

    @Test("a page carrying scripts, event handlers and javascript: links previews and is searched as inert text")
    func hostile() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        let hostile = """
            <title>Hostile <script>alert(1)</script></title><h2>Q1. What does <img src=x onerror=alert(2)> do?</h2>
            <p>It <a href="javascript:alert(3)">runs</a> <b onclick="alert(4)">nothing</b>.<script>alert(5)</script></p>
            <h2>Q2. Why escape output?</h2><p>So that <code>&lt;script&gt;</code> stays text.</p>
            """
        try await fixture.test { client in
            let preview = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview"), ("html", hostile)]), session: session)
            let html = preview.body.text
            #expect(preview.status == .ok && html.contains("2 questions in"))
            for payload in ["<script>alert", "onerror=", "onclick=", "javascript:", "<img"] { #expect(!html.contains(payload), "\(payload)") }
            let page = try #require(Self.previewedPage(html))
            _ = try await Self.post(client, Self.multipart([("csrf", session.formProof), ("action", "store"), ("page", page)]), session: session)
            let results = try await InterviewPageTests.page(client, "/questions?q=escape", session: session).body.text
            #expect(results.contains("1 question found") && results.contains("&lt;script&gt;"))
            for payload in ["<script>alert", "onerror=", "onclick=", "javascript:"] { #expect(!results.contains(payload), "\(payload)") }
        }
    }

    @Test("bad imports say what is wrong on the form: nothing given, an unnamed fragment, too large a file, a forged post")
    func refusals() async throws {
        let fixture = try await ServerFixture.make()
        let session = fixture.recruiterSession
        try await fixture.test { client in
            let nothing = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview"), ("html", " ")]), session: session)
            #expect(nothing.status == .unprocessableContent && nothing.body.text.contains("paste an HTML page or fragment, or choose a file"))
            let unnamed = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview"), ("html", "<h2>Q1. What is a queue?</h2>")]),
                session: session)
            #expect(unnamed.status == .unprocessableContent && unnamed.body.text.contains("has no &lt;title&gt; to name its set by"))
            #expect(unnamed.body.text.contains("&lt;h2&gt;Q1. What is a queue?&lt;/h2&gt;</textarea>"), "the pasted text is kept, escaped")
            let large = Data(repeating: UInt8(ascii: "a"), count: 8 * 1_048_576)
            let tooLarge = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview")], file: ("big.html", large)), session: session)
            #expect(
                tooLarge.status == .contentTooLarge && tooLarge.body.text.contains("larger than Debrief takes from the browser"),
                "\(tooLarge.body.text)")
            let forged = try await Self.post(
                client, Self.multipart([("action", "preview"), ("html", "<title>x</title><h2>Q1. Why?</h2>")]), session: session)
            #expect(forged.status == .forbidden)
            let interviewer = try await Self.post(
                client, Self.multipart([("csrf", fixture.interviewerSession.formProof), ("action", "preview")]), session: fixture.interviewerSession)
            #expect(interviewer.status == .forbidden)
            let nested = String(repeating: "<div>", count: 100_000) + "<h2>Q1. Still alive?</h2>"
            let deep = try await Self.post(
                client, Self.multipart([("csrf", session.formProof), ("action", "preview"), ("html", nested), ("name", "Deep")]), session: session)
            #expect(deep.status == .ok || deep.status == .unprocessableContent)
            #expect(try await client.execute(uri: "/health", method: .get) { $0.status } == .ok, "the server answers after a hostile page")
        }
        #expect(try await fixture.store.questionSets().isEmpty)
    }
}
