/// Large pages on two cores.
extension QuestionExtractor {
    /// Reads `blocks`; a long page is read as two halves on two cores, split at a section heading
    /// (where nothing carries over but the question count), and joined as one run would have read it.
    static func extract(
        blocks: [ContentBlock], parallelAbove threshold: Int = 4_096
    ) -> (sections: [ImportedSection], skipped: [SkippedLine], contentsEntries: Int) {
        // Whether the page titles its questions is decided over the whole page, so both halves agree.
        let titled = titledLevels(in: blocks)
        guard blocks.count > threshold, let split = sectionStart(in: blocks, from: blocks.count / 2) else {
            let whole = QuestionExtractor(blocks: blocks, titledLevels: titled)
            return (whole.sections, whole.skipped, whole.tableOfContentsEntries)
        }
        var (first, second) = TwoHalves.run { half in
            QuestionExtractor(blocks: half == 0 ? blocks[..<split] : blocks[split...], titledLevels: titled)
        }
        second.renumber(after: first.count)
        return (first.sections + second.sections, first.skipped + second.skipped, first.tableOfContentsEntries + second.tableOfContentsEntries)
    }

    /// The first block from `start` on that opens a section (a heading that is not a question).
    private static func sectionStart(in blocks: [ContentBlock], from start: Int) -> Int? {
        blocks[start...].firstIndex { block in
            guard block.isHeading, !isNavigation(block) else { return false }
            return headingQuestion(block.text) == nil
        }
    }
}
