/// What the extractor learns about a page as a whole before and while it reads it: which heading
/// levels title their questions, and which blocks are only navigation.
extension QuestionExtractor {
    /// A paragraph that asks a question: what a titled question's heading is followed by.
    static func asks(_ block: ContentBlock) -> Bool {
        guard case .paragraph = block.kind, !block.textDropped, !block.sharesItsLine else { return false }
        return TextScan.endsWith(block.text, UInt8(ascii: "?")) && TextScan.isShort(block.text, atMost: ContentBlock.longestAskingText)
    }

    /// The heading levels at which most headings that do not ask are followed by a paragraph that
    /// does: the page titles its questions there. Three such headings at least, and three in five of
    /// the level's, so a section's one rhetorical opening question never turns sections into questions.
    /// A long page is counted as two halves on two cores.
    static func titledLevels(in blocks: [ContentBlock], parallelAbove threshold: Int = 4_096) -> Set<Int> {
        var counts: TitleCounts
        if blocks.count > threshold {
            let middle = blocks.count / 2
            let (first, second) = TwoHalves.run { half in TitleCounts(blocks, at: half == 0 ? 0..<middle : middle..<blocks.count) }
            counts = first
            counts.add(second)
        } else {
            counts = TitleCounts(blocks, at: blocks.indices)
        }
        return Set(
            counts.headings.compactMap { level, count in
                let asking = counts.asked[level] ?? 0
                return asking >= 3 && asking * 5 >= count * 3 ? level : nil
            })
    }

    /// Per heading level, how many headings that do not ask there are, and how many of those a
    /// paragraph that asks follows.
    private struct TitleCounts: Sendable {
        var headings: [Int: Int] = [:]
        var asked: [Int: Int] = [:]

        /// Counts the headings at `range`; the paragraph after the last may lie beyond it.
        init(_ blocks: [ContentBlock], at range: Range<Int>) {
            for index in range {
                guard case .heading(let level) = blocks[index].kind, !isNavigation(blocks[index]), headingQuestion(blocks[index].text) == nil else {
                    continue
                }
                headings[level, default: 0] += 1
                if let next = blocks[(index + 1)...].first(where: { !isNavigation($0) }), asks(next) { asked[level, default: 0] += 1 }
            }
        }

        mutating func add(_ other: TitleCounts) {
            headings.merge(other.headings, uniquingKeysWith: +)
            asked.merge(other.asked, uniquingKeysWith: +)
        }
    }

    /// A heading or paragraph that is only in-page links: navigation.
    static func isNavigation(_ block: ContentBlock) -> Bool {
        switch block.kind {
        case .heading, .paragraph: block.isOnlyInPageLinks
        default: false
        }
    }
}
