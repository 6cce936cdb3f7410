import Foundation
import Synchronization

/// The parts of a page tree's text buffer that were handed back to the system while the page was
/// still being parsed, so a long page's text is not all held at once.
///
/// The reader that reads a page as it is parsed lets go of the text behind it once every block made
/// from that text keeps what is asked of it later (its normalised text, its answer HTML and the few
/// facts the extractor checks). The memory is released with `madvise(MADV_DONTNEED)`: it reads back
/// as zeros. Every read of a text node passes `HTMLNode.textPointer`, which notes a read of released
/// bytes here; the importer then reads the page again without releasing anything, so a page whose
/// text is wanted after all is slower, never wrong.
///
/// Only the reader adds ranges, and only while the page is parsed; other threads look at them once
/// the reader has finished. The note of a read may come from any thread.
final class ReleasedText: @unchecked Sendable {
    /// Released byte ranges of the text buffer, as offsets, in increasing order.
    private var ranges: [Range<Int>] = []
    /// The end of the last range: bytes from here on were never released.
    private var end = 0
    private let readAfterRelease = Atomic<Bool>(false)
    /// Bytes handed back so far.
    private(set) var releasedBytes = 0
    /// Text nodes the reader found blank (white space only), in increasing order: where the page's
    /// main content fans out is decided later by asking that of the content's own text nodes.
    private var blankTextNodes: [Int32] = []

    /// True when anything read bytes after they were released.
    var wasReadAfterRelease: Bool { readAfterRelease.load(ordering: .acquiring) }

    /// True when the bytes at `offset..<offset+count` are all still held.
    @inline(__always)
    func holds(offset: Int, count: Int) -> Bool {
        offset >= end || !overlapsRange(offset, offset + count)
    }

    /// Notes that the text node at `index` holds only white space; nodes come in page order.
    func noteBlank(_ index: Int32) {
        blankTextNodes.append(index)
    }

    /// True when the reader noted the text node at `index` as blank.
    func isKnownBlank(_ index: Int32) -> Bool {
        let place = Self.countBelow(blankTextNodes.count) { blankTextNodes[$0] < index }
        return place < blankTextNodes.count && blankTextNodes[place] == index
    }

    /// Notes that released bytes were read: what was made of them is not to be trusted.
    func noteReadAfterRelease() {
        readAfterRelease.store(true, ordering: .releasing)
    }

    /// Hands back the whole pages that lie inside `bytes` of the buffer starting at `base`, and
    /// records them. `bytes` must lie beyond every range released before. Returns where the bytes
    /// still held begin: the end of the last page released, or `bytes.lowerBound` when none was.
    /// With a `pageSize` other than the system's (tests), the bytes are zeroed instead, as the
    /// system's release would show them, at that granularity.
    @discardableResult
    func release(_ bytes: Range<Int>, of base: UnsafeMutablePointer<UInt8>, pageSize page: Int = ReleasedText.pageSize) -> Int {
        guard let range = Self.wholePages(in: bytes, of: base, pageSize: page) else { return bytes.lowerBound }
        precondition(range.lowerBound >= end, "text is released in page order")
        // Recorded before the memory goes, so a read that races the release is noted as one.
        if let previous = ranges.last, previous.upperBound == range.lowerBound {
            ranges[ranges.count - 1] = previous.lowerBound..<range.upperBound
        } else {
            ranges.append(range)
        }
        end = range.upperBound
        releasedBytes += range.count
        Self.handBack(range, of: base, pageSize: page)
        return range.upperBound
    }

    /// The whole pages of `pageSize` bytes inside `bytes` of the buffer at `base`, as offsets into
    /// it; nil when `bytes` holds no whole page.
    static func wholePages(in bytes: Range<Int>, of base: UnsafeMutablePointer<UInt8>, pageSize: Int) -> Range<Int>? {
        let address = Int(bitPattern: base)
        let first = (address + bytes.lowerBound + pageSize - 1) / pageSize * pageSize - address
        let last = (address + bytes.upperBound) / pageSize * pageSize - address
        return last > first ? first..<last : nil
    }

    /// Hands `pages` (from `wholePages`) back to the system, which reads them back as zeros; at a
    /// `pageSize` other than the system's (tests), zeroes them instead.
    static func handBack(_ pages: Range<Int>, of base: UnsafeMutablePointer<UInt8>, pageSize: Int) {
        if pageSize == Self.pageSize {
            madvise(base + pages.lowerBound, pages.count, Int32(MADV_DONTNEED))
        } else {
            (base + pages.lowerBound).update(repeating: 0, count: pages.count)
        }
    }

    private func overlapsRange(_ lower: Int, _ upper: Int) -> Bool {
        // The ranges that start below `upper`; the last of them is the only one that may reach `lower`.
        let starting = Self.countBelow(ranges.count) { ranges[$0].lowerBound < upper }
        return starting > 0 && ranges[starting - 1].upperBound > lower
    }

    /// In a sorted list of `count` items whose first ones are `below` some key: how many are, by bisection.
    private static func countBelow(_ count: Int, _ below: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if below(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
