import Foundation
import Synchronization

/// Hands parts of a page to another thread as the parser finishes them, so the page can be read
/// while the rest of it is still being parsed.
///
/// The parser (one thread) publishes items; one reader takes them in order. A finished part never
/// changes again, and each item names a storage record that shows it, so the reader needs no lock:
/// publishing is a release store, taking an acquire load. Items wait in fixed-size chunks that the
/// reader frees as it passes them, so the parser never waits for the reader.
final class SubtreeStream: @unchecked Sendable {
    struct Item {
        enum Kind: UInt8 {
            /// A finished node (element with everything below it, or text) whose parent is read through.
            case subtree
            /// An element that `readsThrough` accepted was opened; its children follow as items.
            case opened
            /// That element was closed.
            case closed
        }
        let kind: Kind
        let index: Int32
        let storage: UnsafePointer<PageTree.Storage>
        /// How many bytes of text the tree held when the item was published: the item's own text
        /// lies between the previous item's `textEnd` and this one.
        let textEnd: Int32

        var node: HTMLNode { HTMLNode(storage: storage, index: index) }
    }

    /// Asked on the parsing thread when an element opens inside elements it accepted: true when
    /// reading the element will be reading its children, whatever they turn out to be.
    let readsThrough: (HTMLNode) -> Bool

    private struct Chunk {
        static let capacity = 8_192
        var items: UnsafeMutablePointer<Item>
        var next: UnsafeMutablePointer<Chunk>?
    }

    private let published = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)
    // The parser's side.
    private var writeChunk: UnsafeMutablePointer<Chunk>
    private var written = 0
    // The reader's side.
    private var readChunk: UnsafeMutablePointer<Chunk>
    private var taken = 0
    private var known = 0

    init(readsThrough: @escaping (HTMLNode) -> Bool) {
        self.readsThrough = readsThrough
        writeChunk = Self.newChunk()
        readChunk = writeChunk
    }

    deinit {
        var chunk: UnsafeMutablePointer<Chunk>? = readChunk
        while let current = chunk {
            chunk = current.pointee.next
            Self.free(current)
        }
    }

    /// Parser: makes an item visible to the reader, with everything written before it.
    func publish(_ item: Item) {
        let slot = written % Chunk.capacity
        if slot == 0 && written > 0 {
            let next = Self.newChunk()
            writeChunk.pointee.next = next
            writeChunk = next
        }
        (writeChunk.pointee.items + slot).initialize(to: item)
        written += 1
        published.store(written, ordering: .releasing)
    }

    /// Parser: no more items will come. Safe to call more than once.
    func finish() {
        finished.store(true, ordering: .releasing)
    }

    /// Reader: the next item, waiting for the parser when it has none yet; nil once finished.
    func next() -> Item? {
        while taken == known {
            let done = finished.load(ordering: .acquiring)
            known = published.load(ordering: .acquiring)
            if taken < known { break }
            if done { return nil }
            usleep(50)
        }
        let slot = taken % Chunk.capacity
        if slot == 0 && taken > 0 {
            let passed = readChunk
            readChunk = passed.pointee.next!
            Self.free(passed)
        }
        taken += 1
        return readChunk.pointee.items[slot]
    }

    private static func newChunk() -> UnsafeMutablePointer<Chunk> {
        let chunk = UnsafeMutablePointer<Chunk>.allocate(capacity: 1)
        chunk.initialize(to: Chunk(items: .allocate(capacity: Chunk.capacity), next: nil))
        return chunk
    }

    private static func free(_ chunk: UnsafeMutablePointer<Chunk>) {
        chunk.pointee.items.deallocate()
        chunk.deinitialize(count: 1).deallocate()
    }
}
