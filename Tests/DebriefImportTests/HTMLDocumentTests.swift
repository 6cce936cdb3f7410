import DebriefImport
import Foundation
import Testing

@Suite("Parsing HTML with libxml2")
struct HTMLDocumentTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/questionsets")

    @Test("reads the seed page's title, entities decoded")
    func seedTitle() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("backend-interview-questions.html"))
        let document = try HTMLDocument(data: data, source: "backend-interview-questions.html")
        #expect(document.title == "Backend Developer Interview Questions: For Entry-Level & Experienced Candidates")
    }

    @Test("decodes a fragment without a charset as UTF-8, not Latin-1")
    func fragmentIsUTF8() throws {
        let document = try HTMLDocument(data: Data("<title>Fragen für Entwickler – 面接</title><p>x</p>".utf8), source: "paste")
        #expect(document.title == "Fragen für Entwickler – 面接")
    }

    @Test("honours a page's declared charset")
    func declaredCharset() throws {
        var data = Data("<html><head><meta charset=\"windows-1252\"><title>Caf".utf8)
        data.append(0xE9)  // é in windows-1252
        data.append(contentsOf: Array(" questions</title></head></html>".utf8))
        #expect(try HTMLDocument(data: data, source: "cp1252.html").title == "Café questions")
    }

    @Test("recovers from unclosed tags")
    func unclosedTags() throws {
        let document = try HTMLDocument(data: Data("<html><head><title>Broken <b>page</title><body><div><p>unclosed".utf8), source: "broken.html")
        #expect(document.title == "Broken page")
    }

    @Test("refuses empty and binary input with the source named")
    func refusesNonText() {
        #expect(throws: ImportError.empty(source: "empty.html")) { try HTMLDocument(data: Data(), source: "empty.html") }
        #expect(throws: ImportError.binary(source: "logo.png")) {
            try HTMLDocument(data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]), source: "logo.png")
        }
    }
}
