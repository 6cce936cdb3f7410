/// Lets go of a page's text behind the reader that reads it while it is parsed (`ReleasedText`).
///
/// Items come in page order and each one's text lies between the previous item's `textEnd` and its
/// own. An item's text may go once everything read from it keeps what is asked of it later: its
/// blocks all `keepsWhatIsAsked` (with their facts read ahead), or it gave no block at all. The
/// text of any other item is kept, and so is the page's text when the page is read without a stream.
struct TextReleaser {
    /// Where the text that may go, and has not gone yet, starts.
    private var runStart = 0
    /// Where the last item's text ended.
    private var itemStart = 0
    /// A run of text that may go is let go of once it is this long, or when an item that is kept
    /// ends it: fewer system calls, as only whole memory pages are released.
    let step: Int
    /// The granularity of a release: the system's memory page, or (in tests) another, at which
    /// released bytes are zeroed instead of handed back.
    let pageSize: Int

    init(step: Int = 1 << 20, pageSize: Int = ReleasedText.pageSize) {
        self.step = step
        self.pageSize = pageSize
    }

    /// Notes that `item` was read; `releasable` says whether its text may go.
    mutating func passed(_ item: SubtreeStream.Item, releasable: Bool) {
        let end = Int(item.textEnd)
        defer { itemStart = end }
        if releasable {
            if end - runStart >= step { release(upTo: end, item) }
        } else {
            release(upTo: itemStart, item)
            runStart = end
        }
    }

    private mutating func release(upTo end: Int, _ item: SubtreeStream.Item) {
        guard end > runStart, let released = item.storage.pointee.released else { return }
        // What is left of the last page stays pending: the next item's text may fill it.
        runStart = released.release(runStart..<end, of: item.storage.pointee.text, pageSize: pageSize)
    }
}
