import Foundation
import Testing

@testable import DebriefImport

@Suite("Long pages read on two cores")
struct ParallelExtractionTests {
    static let pages = [
        "backend-interview-questions.html", "layouts/ordered-lists.html", "layouts/table-questions.html", "layouts/word-export.html",
        "layouts/details-summary.html", "layouts/definition-list.html", "real/yangshun__tih__behavioral-interview-questions.gfm.html",
        "real/h5bp__frontend__src_questions__javascript-questions.gfm.html",
    ]

    /// The page's blocks, repeated so that the two halves meet many questions without numbers.
    static func blocks(_ page: String, copies: Int) throws -> (HTMLDocument, [ContentBlock]) {
        let document = try HTMLDocument(data: ImportFixtures.data(page), source: page)
        let blocks = BlockReader.read(root: try #require(document.root), parallelAbove: .max).blocks
        return (document, Array(repeating: blocks, count: copies).flatMap { $0 })
    }

    @Test("splitting at a section heading and joining the halves reads exactly what one pass reads", arguments: pages)
    func sameAsOnePass(page: String) throws {
        let (document, blocks) = try Self.blocks(page, copies: 3)
        let onePass = QuestionExtractor.extract(blocks: blocks, parallelAbove: .max)
        let twoCores = QuestionExtractor.extract(blocks: blocks, parallelAbove: 0)
        #expect(twoCores.sections == onePass.sections)
        #expect(twoCores.skipped == onePass.skipped)
        withExtendedLifetime(document) {}
    }

    @Test("a page's content read in two halves gives the blocks one pass gives", arguments: pages)
    func blocksSameAsOnePass(page: String) throws {
        let document = try HTMLDocument(data: ImportFixtures.data(page), source: page)
        let root = try #require(document.root)
        let onePass = BlockReader.read(root: root, parallelAbove: .max)
        let twoCores = BlockReader.read(root: root, parallelAbove: 0)
        #expect(twoCores.blocks.map(\.text) == onePass.blocks.map(\.text))
        #expect(twoCores.blocks.map(\.node.index) == onePass.blocks.map(\.node.index))
        #expect(twoCores.skipped == onePass.skipped)
    }

    @Test("each run, and each half, owns the block array it is handed, so strings are freed as they are read", arguments: [.max, 0])
    func halvesOwnTheirBlocks(parallelAbove: Int) throws {
        let (document, blocks) = try Self.blocks("backend-interview-questions.html", copies: 3)
        // Held here too: the detection itself must see a shared array.
        #expect(QuestionExtractor.extract(blocks: blocks, parallelAbove: parallelAbove).sharedBlocks)
        var handedOver = blocks
        _ = consume blocks
        handedOver.append(contentsOf: [])  // nothing but this variable holds the array now
        #expect(!QuestionExtractor.extract(blocks: consume handedOver, parallelAbove: parallelAbove).sharedBlocks)
        #expect(!QuestionExtractor.extract(blocks: [], parallelAbove: parallelAbove).sharedBlocks, "an empty page holds no strings")
        withExtendedLifetime(document) {}
    }

    @Test("questions without numbers keep counting across the halves")
    func countedOrdinals() throws {
        let html = (1...40).map { "<h2>Part \($0)</h2><ul><li>What is item \($0)a?</li><li>How does item \($0)b work?</li></ul>" }.joined()
        let document = try HTMLDocument(data: Data(html.utf8), source: "parts.html")
        let blocks = BlockReader.read(root: try #require(document.root)).blocks
        let ordinals = QuestionExtractor.extract(blocks: blocks, parallelAbove: 0).sections.flatMap(\.questions).map(\.ordinal)
        #expect(ordinals == Array(1...80))
    }
}
