import Foundation
import Synchronization

/// The answer HTML of a page's blocks, worked out ahead while the page is parsed, in one buffer in
/// page order, so that joining an answer later is copying one stretch of bytes.
///
/// One buffer rather than a String per block: an answer's blocks follow each other on the page, so
/// their pieces lie side by side, and the extractor, which reads the blocks in page order, can hand
/// back the whole memory pages behind the answers it has joined (`madvise(MADV_DONTNEED)`) while it
/// joins the rest. A String per block was freed on the extractor's threads into the reader thread's
/// malloc arena, where the answers being joined could not reuse it.
///
/// The reader appends while the page is parsed; the extractor reads and releases afterwards, from
/// up to two threads, each over its own stretch. A read of released bytes is noted
/// (`wasReadAfterRelease`), and the importer then reads the page again without releasing anything.
final class AnswerPieces: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes appended so far; written by the reader only, before the extractor starts.
    private(set) var count = 0
    /// What was released, as byte ranges (in any order: the two halves release independently).
    private let released = Mutex<[Range<Int>]>([])
    private let readAfterRelease = Atomic<Bool>(false)
    /// The granularity of a release: the system's memory page, or (in tests) another, at which
    /// released bytes are zeroed instead of handed back.
    let pageSize: Int

    /// A buffer with room for the pieces of a page of `pageBytes` bytes, or nil when the address
    /// space cannot be reserved. The room is reserved, not used: only what is written takes memory.
    init?(forPageOf pageBytes: Int, pageSize: Int = ReleasedText.pageSize) {
        // Escaping can make text longer (`&` is five bytes written), and tags are added; a page whose
        // pieces outgrow this leaves its later blocks without one, which the careful path covers.
        let wanted = (pageBytes * 6 + (1 << 20) + ReleasedText.pageSize - 1) / ReleasedText.pageSize * ReleasedText.pageSize
        guard let mapped = mmap(nil, wanted, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), mapped != MAP_FAILED
        else { return nil }
        base = mapped.assumingMemoryBound(to: UInt8.self)
        capacity = wanted
        self.pageSize = pageSize
    }

    deinit {
        munmap(base, capacity)
    }

    /// Appends `bytes` and returns where they lie, or nil when the buffer is full.
    func append(_ bytes: [UInt8]) -> Range<Int>? {
        guard count + bytes.count <= capacity else { return nil }
        bytes.withUnsafeBufferPointer { (base + count).update(from: $0.baseAddress!, count: $0.count) }
        defer { count += bytes.count }
        return count..<count + bytes.count
    }

    /// The bytes of `pieces` (ranges of this buffer, in order) as one String: one copy when they lie
    /// side by side. A read of released bytes is noted.
    func string(of pieces: some Collection<Range<Int>>) -> String {
        var length = 0
        var contiguous = true
        var next = pieces.first?.lowerBound ?? 0
        for piece in pieces {
            length += piece.count
            contiguous = contiguous && piece.lowerBound == next
            next = piece.upperBound
        }
        if contiguous, let first = pieces.first {
            return String(decoding: bytes(first.lowerBound..<first.lowerBound + length), as: UTF8.self)
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(length)
        for piece in pieces { joined.append(contentsOf: bytes(piece)) }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The bytes of `piece`, valid while the buffer lives. A read of released bytes is noted.
    func bytes(_ piece: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        if !holds(piece) { readAfterRelease.store(true, ordering: .releasing) }
        return UnsafeBufferPointer(start: base + piece.lowerBound, count: piece.count)
    }

    /// Hands back the whole pages inside `bytes`; returns where the bytes still held begin (the end
    /// of the last page released, or `bytes.lowerBound` when none was). Ranges released by different
    /// callers must not share a page: each caller releases inside its own stretch.
    @discardableResult
    func release(_ bytes: Range<Int>) -> Int {
        guard let pages = ReleasedText.wholePages(in: bytes, of: base, pageSize: pageSize) else { return bytes.lowerBound }
        // Recorded before the memory goes, so a read that races the release is noted as one.
        released.withLock { ranges in
            if let index = ranges.firstIndex(where: { $0.upperBound == pages.lowerBound }) {
                ranges[index] = ranges[index].lowerBound..<pages.upperBound
            } else {
                ranges.append(pages)
            }
        }
        ReleasedText.handBack(pages, of: base, pageSize: pageSize)
        return pages.upperBound
    }

    /// True when anything read bytes after they were released.
    var wasReadAfterRelease: Bool { readAfterRelease.load(ordering: .acquiring) }

    /// Bytes handed back so far.
    var releasedBytes: Int { released.withLock { $0.reduce(0) { $0 + $1.count } } }

    private func holds(_ piece: Range<Int>) -> Bool {
        released.withLock { ranges in !ranges.contains { $0.overlaps(piece) } }
    }
}

/// One block's answer HTML in a page's `AnswerPieces`.
struct AnswerPiece: Sendable {
    let pieces: AnswerPieces
    let range: Range<Int>
}

/// Lets go of the pieces behind one extractor run as it joins answers: everything before the
/// earliest piece it still needs, in steps of `step` bytes, within the stretch its blocks cover.
struct AnswerPieceReleaser {
    private let step: Int
    /// Where the pieces not yet released start; nil until the run's first piece is passed.
    private var start: Int?

    init(step: Int) {
        self.step = step
    }

    /// Notes that no piece before `offset` of `pieces` will be read again by this run.
    mutating func passed(_ offset: Int, in pieces: AnswerPieces) {
        // The run's first piece may share a page with the previous run's last: nothing before it goes.
        guard let start else {
            start = offset
            return
        }
        if offset - start >= step { self.start = pieces.release(start..<offset) }
    }
}
