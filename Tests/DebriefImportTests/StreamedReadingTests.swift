import Foundation
import Testing

@testable import DebriefImport

@Suite("Pages read while they are parsed")
struct StreamedReadingTests {
    static let pages: [String] = {
        let folder = ImportFixtures.folder
        let files = ["", "layouts", "real"].flatMap { sub in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [])
                .filter { $0.hasSuffix(".html") }.map { sub.isEmpty ? $0 : "\(sub)/\($0)" }
        }
        return files.sorted()
    }()

    /// Parses `html` with a reader on another thread, as the importer does. A small `expectedBytes`
    /// makes the tree's buffers grow many times while the reader is reading.
    static func streamed(_ data: Data, expectedBytes: Int? = nil) throws -> (PageTree, BlockReader.Streamed) {
        let stream = BlockReader.stream()
        let pieces = AnswerPieces(forPageOf: data.count)
        let reading = BackgroundTask { BlockReader.reading(stream, pieces: pieces) }
        let tree = try SAXPageParser.parse(data, source: "page.html", encoding: "UTF-8", stream: stream, expectedBytes: expectedBytes).tree
        return (tree, reading.wait())
    }

    static func expectSameAsAfterParsing(_ data: Data, expectedBytes: Int? = nil, streamedUsed: Bool = true) throws {
        let (tree, streamed) = try streamed(data, expectedBytes: expectedBytes)
        let root = try #require(tree.root)
        let afterParsing = BlockReader.read(root: root, parallelAbove: .max)
        var announced = streamed
        #expect((announced.take(childrenOf: BlockReader.contentNode(under: root)) != nil) == streamedUsed)
        var taken: BlockReader.Streamed? = streamed
        let whileParsing = BlockReader.read(root: root, streamed: &taken)
        #expect(whileParsing.blocks.map(\.text) == afterParsing.blocks.map(\.text))
        #expect(whileParsing.blocks.map(\.kind) == afterParsing.blocks.map(\.kind))
        #expect(whileParsing.blocks.map(\.node.index) == afterParsing.blocks.map(\.node.index))
        #expect(whileParsing.skipped == afterParsing.skipped)
        withExtendedLifetime(tree) {}
    }

    @Test("the blocks read while parsing are the blocks read after parsing", arguments: pages)
    func sameBlocks(page: String) throws {
        try Self.expectSameAsAfterParsing(ImportFixtures.data(page))
    }

    @Test("questions and answers from blocks read while parsing are those read after parsing", arguments: pages)
    func sameQuestions(page: String) throws {
        let data = try ImportFixtures.data(page)
        let (tree, streamed) = try Self.streamed(data)
        let afterParsing = try SAXPageParser.parse(data, source: page, encoding: "UTF-8").tree
        var taken: BlockReader.Streamed? = streamed
        let streamedBlocks = BlockReader.read(root: try #require(tree.root), streamed: &taken).blocks
        let blocks = BlockReader.read(root: try #require(afterParsing.root), parallelAbove: .max).blocks
        #expect(streamedBlocks.contains { $0.piece != nil } == !blocks.allSatisfy(\.isHeading))
        let whileParsing = QuestionExtractor.extract(blocks: streamedBlocks, parallelAbove: .max)
        let onePass = QuestionExtractor.extract(blocks: blocks, parallelAbove: .max)
        #expect(whileParsing.sections == onePass.sections)
        #expect(whileParsing.skipped == onePass.skipped)
        withExtendedLifetime((tree, afterParsing)) {}
    }

    @Test("the tree's buffers growing under the reader changes nothing", arguments: pages)
    func growingBuffers(page: String) throws {
        try Self.expectSameAsAfterParsing(ImportFixtures.data(page), expectedBytes: 1)
    }

    @Test("main content inside something that is not read through is read after parsing, the same way")
    func notAnnounced() throws {
        let html = """
            <html><body><nav><a href="/">Home</a></nav>
            <div class="comments-area"><article><h2>Questions</h2><ol><li>What is a mutex?</li><li>Why use a queue?</li></ol></article></div>
            <p>Unclosed <b>bold <i>italic</p></body></html>
            """
        try Self.expectSameAsAfterParsing(Data(html.utf8), streamedUsed: false)
    }

    @Test("a page of nested containers, text between them and unclosed tags reads the same either way")
    func nestedContainers() throws {
        var html = "<html><head><title>T</title></head><body>loose text<div id=main><section>"
        for n in 1...300 {
            html += "<div class=card>\(n % 7 == 0 ? "<span>intro</span>" : "")<h3>Q\(n). What is \(n)?</h3><p>Because <b>\(n)"
            html += n % 5 == 0 ? "</div>" : "</b>.</p><!-- note --> tail \(n)</div>"
        }
        html += "</section></div><footer class=footer>© page</footer></body></html>"
        try Self.expectSameAsAfterParsing(Data(html.utf8))
        try Self.expectSameAsAfterParsing(Data(html.utf8), expectedBytes: 1)
    }

    @Test("many imports at once from Swift concurrency's shared threads all finish", .timeLimit(.minutes(1)))
    func concurrentImports() async throws {
        let data = try ImportFixtures.data("backend-interview-questions.html")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                group.addTask { (try? QuestionSetImporter().extract(data, source: "seed.html"))?.questionCount ?? -1 }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 40, count: 24))
    }

    @Test("a page the importer refuses leaves no reader waiting")
    func refusedPage() throws {
        let importer = QuestionSetImporter()
        #expect(throws: ImportError.self) { try importer.extract(Data(), source: "empty.html") }
        #expect(throws: ImportError.self) { try importer.extract(Data("<p>no questions here</p>".utf8), source: "plain.html") }
    }
}
