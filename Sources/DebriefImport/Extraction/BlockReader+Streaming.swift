/// Reading a page's blocks while it is parsed.
///
/// The parser hands over finished parts of the page (`SubtreeStream`): from the top down, elements
/// that are certainly read through are announced as opened and closed, and every other finished
/// node below them comes whole. Reading a node depends on it and what is below it only, so each
/// part is read as it comes, and the blocks of any announced element's children are one stretch of
/// what was read. Which element holds the main content is known only once the whole page is there;
/// when it is one of the announced elements, its blocks are ready, each with its answer HTML.
extension BlockReader {
    /// What was read of a page while it was parsed.
    struct Streamed: Sendable {
        fileprivate var reader = BlockReader()
        /// For each announced element, where its children's blocks and skipped lines lie.
        fileprivate var stretches: [Int32: (blocks: Range<Int>, skipped: Range<Int>)] = [:]

        /// The blocks of `element`'s children, when the element was announced, else nil. Takes
        /// them out rather than copying them: a long page has hundreds of thousands.
        mutating func take(childrenOf element: HTMLNode) -> (blocks: [ContentBlock], skipped: [SkippedLine])? {
            guard let stretch = stretches[element.index] else { return nil }
            var (blocks, skipped) = reader.takeAll()
            Self.cut(&blocks, to: stretch.blocks)
            Self.cut(&skipped, to: stretch.skipped)
            return (blocks, skipped)
        }

        /// Cut in place: the reader handed over its only reference, so nothing is copied.
        private static func cut<Element>(_ array: inout [Element], to range: Range<Int>) {
            array.removeSubrange(range.upperBound...)
            array.removeSubrange(..<range.lowerBound)
        }
    }

    /// Reads the parts of a page as `stream` hands them over, until the parser finishes, writing
    /// each block's answer HTML into `pieces` when given. With a `releaser`, the text behind the
    /// reader is let go of where nothing will ask for it again.
    static func reading(_ stream: SubtreeStream, pieces: AnswerPieces? = nil, releasing releaser: TextReleaser? = nil) -> Streamed {
        var streamed = Streamed()
        var scratch = HTMLBytes()
        var open: [(index: Int32, blocks: Int, skipped: Int)] = []
        var releaser = releaser
        let releasing = releaser != nil
        while let item = stream.next() {
            var releasable = releasing
            switch item.kind {
            case .subtree:
                let start = streamed.reader.blocks.count
                streamed.reader.read(CollectionOfOne(item.node))
                if let pieces { streamed.reader.sanitiseAhead(from: start, into: pieces, scratch: &scratch) }
                if releasing {
                    releasable = streamed.reader.readFactsAhead(from: start)
                    if item.node.isText, streamed.reader.blocks.count == start, !TextNormaliser.hasVisibleText(item.node) {
                        item.storage.pointee.released?.noteBlank(item.index)
                    }
                }
            case .opened:
                open.append((item.index, streamed.reader.blocks.count, streamed.reader.skipped.count))
            case .closed:
                guard let start = open.popLast(), start.index == item.index else { return Streamed() }
                streamed.stretches[item.index] = (start.blocks..<streamed.reader.blocks.count, start.skipped..<streamed.reader.skipped.count)
            }
            releaser?.passed(item, releasable: releasable)
        }
        return streamed
    }

    /// A stream whose parser announces the elements `readsThrough` accepts.
    static func stream() -> SubtreeStream {
        SubtreeStream(readsThrough: readsThrough)
    }
}
