import Dispatch
import Synchronization

/// Writes a `JSONNode` tree as JSONEncoder does with sorted keys and unescaped slashes: compact, or
/// pretty with two-space indents, `"key" : value`, and an empty container opened and closed on
/// lines of its own with a blank line between.
///
/// A tree is written once: a long array's items are let go of as their chunks are written, and the
/// chunks' text is kept in pieces, joined only by `takeText()` or `takeBytes()`. Joined as it was
/// written, a 30 MB report doubled its buffer past 59 MB while the whole tree was still held.
struct JSONTreeWriter {
    let pretty: Bool
    /// Finished text before `bytes`, in order.
    private var pieces: [[UInt8]] = []
    /// The text written after the pieces.
    private var bytes: [UInt8] = []
    private var depth = 0

    init(pretty: Bool, depth: Int = 0) {
        self.pretty = pretty
        self.depth = depth
    }

    /// Ends the document with a line break, as files and terminals want it.
    mutating func appendLineBreak() {
        bytes.append(UInt8(ascii: "\n"))
    }

    mutating func write(_ node: JSONNode) {
        switch node {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let box):
            open(UInt8(ascii: "["))
            if box.items.count >= ConcurrentEncoding.smallestArray {
                writeConcurrently(taking: box)
            } else {
                writeItems(box.items[...], from: 0)
            }
            close(UInt8(ascii: "]"))
        case .object(let box):
            open(UInt8(ascii: "{"))
            // Sorted by key, the later of two members with one key kept (stable: order, then key).
            let order = box.members.indices.sorted {
                box.members[$0].key < box.members[$1].key || (box.members[$0].key == box.members[$1].key && $0 < $1)
            }
            var written = 0
            for (position, index) in order.enumerated() {
                if position + 1 < order.count && box.members[order[position + 1]].key == box.members[index].key { continue }
                if written > 0 { bytes.append(UInt8(ascii: ",")) }
                written += 1
                newline()
                writeString(box.members[index].key)
                append(pretty ? " : " : ":")
                write(box.members[index].value)
            }
            close(UInt8(ascii: "}"))
        }
    }

    private mutating func writeItems(_ items: ArraySlice<JSONNode>, from first: Int) {
        for (index, item) in zip(first..., items) {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            write(item)
        }
    }

    /// A long array's items written in chunks at once, each by its own writer at this depth: the
    /// same bytes as one after another. Each chunk's items are let go of once written, and its
    /// text becomes a piece of this writer's.
    private mutating func writeConcurrently(taking box: JSONNode.ArrayBox) {
        let chunks = ConcurrentEncoding.chunks(box.items.count)
        let parts = Mutex(chunks.map { ConcurrentEncoding.Unchecked(Array(box.items[$0])) })
        box.items = []
        let written = Mutex([[UInt8]](repeating: [], count: chunks.count))
        let (pretty, depth) = (self.pretty, self.depth)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            let items = parts.withLock { parts in exchange(&parts[chunk], with: ConcurrentEncoding.Unchecked([])) }
            var writer = JSONTreeWriter(pretty: pretty, depth: depth)
            writer.writeItems(items.value[...], from: chunks[chunk].lowerBound)
            let text = writer.takeBytes()
            written.withLock { $0[chunk] = text }
        }
        pieces.append(bytes)
        bytes = []
        pieces += written.withLock { $0 }
        // The items' nodes, freed in the workers' arenas in between the pieces, would otherwise stay
        // resident under the string the pieces are joined into.
        GlibcExtras.returnFreedMemory()
    }

    /// The text written, in one buffer; the writer is left empty.
    mutating func takeBytes() -> [UInt8] {
        guard !pieces.isEmpty else { return exchange(&bytes, with: []) }
        var all: [UInt8] = []
        all.reserveCapacity(pieces.reduce(bytes.count) { $0 + $1.count })
        for index in pieces.indices {
            all.append(contentsOf: pieces[index])
            pieces[index] = []
        }
        all.append(contentsOf: exchange(&bytes, with: []))
        pieces = []
        return all
    }

    /// The text written, as a string made straight from the pieces, each let go of once copied;
    /// the writer is left empty.
    mutating func takeText() -> String {
        pieces.append(exchange(&bytes, with: []))
        let total = pieces.reduce(0) { $0 + $1.count }
        let text = String(unsafeUninitializedCapacity: total) { buffer in
            var end = 0
            for index in pieces.indices {
                end = buffer[end...].initialize(fromContentsOf: pieces[index])
                pieces[index] = []
            }
            return end
        }
        pieces = []
        return text
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
    }

    /// Closes a container; an empty one gets its own blank line when pretty, as JSONEncoder writes it.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            let empty = bytes.last == UInt8(ascii: "[") || bytes.last == UInt8(ascii: "{")
            if empty { bytes.append(UInt8(ascii: "\n")) }
            newline()
        }
        bytes.append(bracket)
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeString(_ text: String) {
        JSONStringEscaping.appendQuoted(text, to: &bytes)
    }
}
