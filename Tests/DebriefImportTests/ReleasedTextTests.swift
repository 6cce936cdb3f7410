import Foundation
import Testing

@testable import DebriefImport

@Suite("A page's text let go of while it is parsed")
struct ReleasedTextTests {
    static let pages: [String] = {
        let folder = ImportFixtures.folder
        let files = ["", "layouts", "real", "shapes"].flatMap { sub in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [])
                .filter { $0.hasSuffix(".html") }.map { sub.isEmpty ? $0 : "\(sub)/\($0)" }
        }
        return files.sorted()
    }()

    /// Releases every byte that may go, as soon as it may, and zeroes it: what the system's release
    /// would show, on every page however small, where a real release only takes whole memory pages.
    static let releasingEverything = TextReleaser(step: 0, pageSize: 1)

    /// The import, or the error it ends in, as text to compare.
    static func outcome(_ data: Data, releasing releaser: TextReleaser?) -> (set: ImportedQuestionSet?, error: String?, readAfterRelease: Bool) {
        do {
            guard let set = try QuestionSetImporter().extract(data, source: "page.html", releasing: releaser) else { return (nil, nil, true) }
            return (set, nil, false)
        } catch {
            return (nil, "\(error)", false)
        }
    }

    @Test("every fixture imports the same with all its releasable text zeroed, and nothing asks for it", arguments: pages)
    func sameImport(page: String) throws {
        let data = try ImportFixtures.data(page)
        let releasing = Self.outcome(data, releasing: Self.releasingEverything)
        let holding = Self.outcome(data, releasing: nil)
        #expect(!releasing.readAfterRelease, "the extractor asked for text it let go of")
        #expect(releasing.set == holding.set)
        #expect(releasing.error == holding.error)
    }

    @Test("main content inside something not read through is read again holding its text, with the same questions")
    func readAgain() throws {
        let html = """
            <html><head><title>Backend</title></head><body><nav><a href="/">Home</a></nav>
            <div class="comments-area"><article><h2>Questions</h2><ol><li>What is a mutex?</li><li>Why use a queue?</li></ol>
            <h3>How does a B-tree stay balanced?</h3><p>Nodes split and merge so every leaf keeps the same depth.</p></article></div>
            </body></html>
            """
        let data = Data(html.utf8)
        #expect(Self.outcome(data, releasing: Self.releasingEverything).readAfterRelease)
        let imported = try QuestionSetImporter().extract(data, source: "page.html")
        #expect(imported == Self.outcome(data, releasing: nil).set)
        #expect(imported.title == "Backend")
        #expect(imported.sections.flatMap(\.questions).map(\.text) == ["What is a mutex?", "Why use a queue?", "How does a B-tree stay balanced?"])
    }

    /// A page of long plain-prose answers, as `bench/make-question-page.py --prose` writes them.
    static func prosePage(questions: Int) -> Data {
        let sentence = "The service keeps each request's state in the store, so any node can answer the next one &mdash; "
        let paragraph = "<p>" + String(repeating: sentence, count: 6) + "and <code>retry()</code> is safe to call again.</p>\n"
        var html = "<html><head><meta charset=\"utf-8\"><title>Prose</title></head><body><nav><a href=\"/\">Home</a></nav><article>\n"
        for n in 1...questions {
            if n % 25 == 1 { html += "<h2>Part \(n / 25 + 1)</h2>\n" }
            html += "<h3>\(n). Why would question \(n) be asked?</h3>\n" + String(repeating: paragraph, count: 3)
        }
        return Data((html + "</article><footer>Footer</footer></body></html>").utf8)
    }

    @Test("a long page of prose answers lets go of most of its text while it is parsed, and imports the same")
    func prose() throws {
        let data = Self.prosePage(questions: 2_000)
        let stream = BlockReader.stream()
        let pieces = AnswerPieces(forPageOf: data.count)
        let reading = BackgroundTask { BlockReader.reading(stream, pieces: pieces, releasing: TextReleaser()) }
        let tree = try SAXPageParser.parse(data, source: "prose.html", encoding: nil, stream: stream).tree
        var streamed: BlockReader.Streamed? = reading.wait()
        let released = try #require(tree.released)
        #expect(released.releasedBytes * 10 >= data.count * 7, "released \(released.releasedBytes) of \(data.count) bytes")
        let blocks = BlockReader.read(root: try #require(tree.root), streamed: &streamed).blocks
        let dropsText = blocks.contains { $0.textDropped }
        #expect(dropsText)
        let extracted = QuestionExtractor.extract(blocks: blocks)
        #expect(!tree.textWasReadAfterRelease)
        #expect(extracted.sections.flatMap(\.questions).count == 2_000)
        let same = extracted.sections == Self.outcome(data, releasing: nil).set?.sections
        #expect(same)
        withExtendedLifetime(tree) {}
    }

    @Test("reading released bytes is noted; bytes still held are not")
    func noted() {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0x61, count: 64)
        let released = ReleasedText()
        #expect(released.release(10..<20, of: buffer, pageSize: 1) == 20)
        #expect(released.release(20..<30, of: buffer, pageSize: 1) == 30)
        #expect(released.holds(offset: 0, count: 10))
        #expect(released.holds(offset: 30, count: 34))
        #expect(!released.holds(offset: 5, count: 6))
        #expect(!released.holds(offset: 29, count: 5))
        #expect(buffer[9] == 0x61 && buffer[10] == 0 && buffer[29] == 0 && buffer[30] == 0x61)
        #expect(!released.wasReadAfterRelease)
        released.noteReadAfterRelease()
        #expect(released.wasReadAfterRelease)
        released.noteBlank(3)
        released.noteBlank(9)
        #expect(released.isKnownBlank(9) && !released.isKnownBlank(4))
    }
}
