/// Large pages on two cores.
extension QuestionExtractor {
    /// Reads `blocks`; a long page is read as two halves on two cores, split at a section heading
    /// (where nothing carries over but the question count), and joined as one run would have read it.
    /// With a `pieceStep`, each half hands back the answer pieces behind it (`AnswerPieces`).
    /// `sharedBlocks` is true when a run was handed an array something else still held.
    static func extract(
        blocks: consuming [ContentBlock], parallelAbove threshold: Int = 4_096, pieceStep: Int? = nil
    ) -> (sections: [ImportedSection], skipped: [SkippedLine], contentsEntries: Int, sharedBlocks: Bool) {
        // Whether the page titles its questions is decided over the whole page, so both halves agree.
        let titled = titledLevels(in: blocks)
        guard blocks.count > threshold, let split = sectionStart(in: blocks, from: blocks.count / 2) else {
            let whole = QuestionExtractor(taking: blocks, titledLevels: titled, pieceStep: pieceStep)
            return (whole.sections, whole.skipped, whole.tableOfContentsEntries, whole.tookSharedBlocks)
        }
        // Each half gets an array of its own, the only reference to its blocks' strings. The second
        // half's blocks are moved off the end, not copied, so no string is retained and released.
        var firstBlocks = consume blocks
        let handedShared = !ownsStorage(&firstBlocks)
        var secondBlocks: [ContentBlock] = []
        secondBlocks.reserveCapacity(firstBlocks.count - split)
        while firstBlocks.count > split { secondBlocks.append(firstBlocks.removeLast()) }
        secondBlocks.reverse()
        let halves = Halves(first: consume firstBlocks, second: consume secondBlocks)
        var (first, second) = TwoHalves.run { half in
            QuestionExtractor(taking: halves.take(half), titledLevels: titled, pieceStep: pieceStep)
        }
        second.renumber(after: first.count)
        return (
            first.sections + second.sections, first.skipped + second.skipped, first.tableOfContentsEntries + second.tableOfContentsEntries,
            handedShared || first.tookSharedBlocks || second.tookSharedBlocks
        )
    }

    /// The two halves' blocks, each taken out once by the thread reading it.
    private final class Halves: @unchecked Sendable {
        private var first: [ContentBlock]
        private var second: [ContentBlock]

        init(first: [ContentBlock], second: [ContentBlock]) {
            self.first = first
            self.second = second
        }

        /// Half 0 or 1, leaving nothing behind. Each half is taken by one thread only.
        func take(_ half: Int) -> [ContentBlock] {
            var taken: [ContentBlock] = []
            if half == 0 { swap(&taken, &first) } else { swap(&taken, &second) }
            return taken
        }
    }

    /// The first block from `start` on that opens a section (a heading that is not a question).
    private static func sectionStart(in blocks: [ContentBlock], from start: Int) -> Int? {
        blocks[start...].firstIndex { block in
            guard block.isHeading, !isNavigation(block) else { return false }
            return headingQuestion(block.text) == nil
        }
    }
}
