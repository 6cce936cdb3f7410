import DebriefCore

/// Writes JSON in exactly `JSONText`'s style (JSONEncoder's pretty printing with sorted keys and
/// unescaped slashes), for output too large for JSONEncoder to be quick: a page of 77,000
/// questions took JSONEncoder as long as importing it. Callers write keys in sorted order.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// For each open object or array, whether nothing is in it yet.
    private var empty: [Bool] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        empty.append(true)
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: some Sequence<Element>, _ write: (inout PrettyJSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        empty.append(true)
        for element in elements {
            nextItem()
            write(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts an object's member; its value is written next.
    mutating func key(_ key: StaticString) {
        nextItem()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\" : ".utf8)
    }

    mutating func string(_ value: String?) {
        guard let value else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        JSONStringEscaping.appendQuoted(value, to: &bytes)
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func nextItem() {
        if !empty[empty.count - 1] { bytes.append(UInt8(ascii: ",")) }
        empty[empty.count - 1] = false
        newLine()
    }

    private mutating func close(_ bracket: UInt8) {
        // JSONEncoder writes an empty array or object with an empty line inside.
        if empty.removeLast() { bytes.append(0x0A) }
        newLine()
        bytes.append(bracket)
    }

    private mutating func newLine() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * empty.count))
    }
}
