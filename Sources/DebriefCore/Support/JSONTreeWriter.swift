import Dispatch
import Synchronization

/// Writes a `JSONNode` tree as JSONEncoder does with sorted keys and unescaped slashes: compact, or
/// pretty with two-space indents, `"key" : value`, and an empty container opened and closed on
/// lines of its own with a blank line between.
struct JSONTreeWriter {
    let pretty: Bool
    private(set) var bytes: [UInt8] = []
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
                writeConcurrently(box.items)
            } else {
                writeItems(box.items[...], from: 0)
            }
            close(UInt8(ascii: "]"))
        case .object(let box):
            open(UInt8(ascii: "{"))
            // Sorted by key, the later of two members with one key kept (stable: order, then key).
            let order = box.members.indices.sorted { box.members[$0].key < box.members[$1].key || (box.members[$0].key == box.members[$1].key && $0 < $1) }
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

    /// A long array's items written in chunks at once, each by its own writer at this depth, then
    /// joined in order: the same bytes as one after another.
    private mutating func writeConcurrently(_ items: [JSONNode]) {
        let chunks = ConcurrentEncoding.chunks(items.count)
        let shared = ConcurrentEncoding.Unchecked(items)
        let pieces = Mutex([[UInt8]](repeating: [], count: chunks.count))
        let (pretty, depth) = (self.pretty, self.depth)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            var writer = JSONTreeWriter(pretty: pretty, depth: depth)
            writer.writeItems(shared.value[chunks[chunk]], from: chunks[chunk].lowerBound)
            let bytes = writer.bytes
            pieces.withLock { $0[chunk] = bytes }
        }
        // Each piece is let go once copied, so the array's text is held about once, not twice.
        bytes.reserveCapacity(bytes.count + pieces.withLock { $0.reduce(0) { $0 + $1.count } })
        for chunk in chunks.indices {
            bytes.append(contentsOf: pieces.withLock { $0[chunk] })
            pieces.withLock { $0[chunk] = [] }
        }
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

    /// A string with `"`, `\` and control characters escaped (`\n`, `\t`… or `\u00XX`), the rest as UTF-8.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
