import Foundation
import Testing

@testable import DebriefImport

@Suite("Answer HTML worked out while a page is parsed, and handed back once joined")
struct AnswerPiecesTests {
    @Test("pieces side by side join in one copy, others in order; released bytes read as zeros and the read is noted")
    func buffer() throws {
        let pieces = try #require(AnswerPieces(forPageOf: 100, pageSize: 1))
        let a = try #require(pieces.append(Array("<p>one</p>".utf8)))
        let b = try #require(pieces.append(Array("<p>two</p>".utf8)))
        let c = try #require(pieces.append(Array("<p>three</p>".utf8)))
        #expect(pieces.string(of: [a, b]) == "<p>one</p><p>two</p>")
        #expect(pieces.string(of: [a, c]) == "<p>one</p><p>three</p>")
        #expect(!pieces.wasReadAfterRelease)
        #expect(pieces.release(c) == c.upperBound)
        #expect(pieces.release(a) == a.upperBound)
        #expect(pieces.releasedBytes == a.count + c.count)
        #expect(pieces.string(of: [b]) == "<p>two</p>")
        #expect(!pieces.wasReadAfterRelease, "bytes still held are read without a note")
        #expect(pieces.string(of: [b, c]) == "<p>two</p>" + String(repeating: "\0", count: c.count))
        #expect(pieces.wasReadAfterRelease)
    }

    @Test("a buffer hands back whole memory pages only, and says where what it still holds begins")
    func wholePages() throws {
        let page = ReleasedText.pageSize
        let pieces = try #require(AnswerPieces(forPageOf: 4 * page))
        let piece = try #require(pieces.append(Array(repeating: 0x61, count: 3 * page)))
        #expect(pieces.release(1..<page) == 1, "less than a page: nothing goes")
        #expect(pieces.release(1..<2 * page + 5) == 2 * page)
        #expect(pieces.releasedBytes == page)
        #expect(pieces.string(of: [2 * page..<piece.upperBound]) == String(repeating: "a", count: page))
        #expect(!pieces.wasReadAfterRelease)
    }

    @Test("a buffer too small for a page's pieces leaves the rest without one, and the import is the same")
    func full() throws {
        let pieces = try #require(AnswerPieces(forPageOf: 0, pageSize: 1))
        #expect(pieces.append(Array(repeating: 0x61, count: 2 << 20)) == nil)
        #expect(pieces.append(Array("<p>fits</p>".utf8)) != nil)
    }

    @Test(
        "the two halves of a long prose page hand back most of their pieces as they join answers, and import the same",
        arguments: [
            TextReleaser(step: 0), ReleasedTextTests.releasingEverything, TextReleaser(),
        ])
    func prose(releaser: TextReleaser) throws {
        let data = ReleasedTextTests.prosePage(questions: 2_000)
        let pieces = try #require(AnswerPieces(forPageOf: data.count, pageSize: releaser.pageSize))
        let stream = BlockReader.stream()
        let reading = BackgroundTask { BlockReader.reading(stream, pieces: pieces, releasing: releaser) }
        let tree = try SAXPageParser.parse(data, source: "prose.html", encoding: nil, stream: stream).tree
        var streamed: BlockReader.Streamed? = reading.wait()
        let blocks = BlockReader.read(root: try #require(tree.root), streamed: &streamed).blocks
        #expect(blocks.count > 4_096, "the page is read as two halves")
        let extracted = QuestionExtractor.extract(blocks: blocks, pieceStep: releaser.step)
        #expect(!pieces.wasReadAfterRelease, "an answer was joined from pieces already handed back")
        #expect(!tree.textWasReadAfterRelease)
        // All but 30%, and what each half had not yet released in steps when it ended.
        let kept = pieces.count - pieces.releasedBytes
        #expect(kept <= pieces.count * 3 / 10 + 2 * (releaser.step + releaser.pageSize), "kept \(kept) of \(pieces.count) bytes")
        let same = extracted.sections == ReleasedTextTests.outcome(data, releasing: nil).set?.sections
        #expect(same)
        withExtendedLifetime(tree) {}
    }
}
