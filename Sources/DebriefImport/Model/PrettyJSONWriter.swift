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
        guard var value else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            // Runs that need no escaping are copied whole.
            var run = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                appendEscaped(byte)
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
        case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
        case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
        case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
        case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
        case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: #"\u00"#.utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
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
