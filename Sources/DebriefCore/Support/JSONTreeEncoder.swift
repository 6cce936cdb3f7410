import Foundation
import Synchronization

/// Debrief's JSON: what `JSONEncoder` writes with sorted keys, snake_case keys, ISO 8601 dates,
/// unescaped slashes and every absent optional written as `null`, byte for byte, in a fraction of its
/// time. Values are encoded into a small tree (keys must be sorted before anything is written), then
/// written out (`JSONTreeWriter`).
///
/// Foundation's encoder was most of an API reply's cost: a candidate's 165 bytes, a scorecard's
/// audit event inside the write transaction, the report JSON of a position (BENCHMARKS.md, session 18).
/// `JSONTreeEncoderTests` compares the two on every kind of value Debrief writes.
struct JSONTreeEncoder {
    /// The JSON of `value` as UTF-8, with a line break after it when `endingLine`.
    static func encode(_ value: some Encodable, pretty: Bool, endingLine: Bool = false) throws -> [UInt8] {
        var writer = try written(value, pretty: pretty, endingLine: endingLine)
        return writer.takeBytes()
    }

    /// The same JSON as a string, made without a second copy of the text.
    static func text(_ value: some Encodable, pretty: Bool, endingLine: Bool = false) throws -> String {
        var writer = try written(value, pretty: pretty, endingLine: endingLine)
        return writer.takeText()
    }

    private static func written(_ value: some Encodable, pretty: Bool, endingLine: Bool) throws -> JSONTreeWriter {
        let root = JSONNode.ArrayBox()
        root.items = [.null]
        try JSONNodeEncoder(place: .item(root, 0), path: nil, key: nil).encode(value)
        var writer = JSONTreeWriter(pretty: pretty)
        writer.write(root.items[0])
        if endingLine { writer.appendLineBreak() }
        return writer
    }
}

/// The encoder handed to `Encodable` values: writes into one place.
private struct JSONNodeEncoder: Encoder {
    let place: JSONPlace
    /// The path of the container holding the place, and the place's key in it (nil at the root).
    let path: JSONPath?
    let key: (any CodingKey)?
    var codingPath: [any CodingKey] { JSONPath.keys(path, then: key) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The path of a container at this place.
    private var containerPath: JSONPath { JSONPath(parent: path, key: key) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONNode.ObjectBox
        if case .object(let existing) = place.node {
            box = existing
        } else {
            box = JSONNode.ObjectBox()
            place.set(.object(box))
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, path: containerPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONNode.ArrayBox
        if case .array(let existing) = place.node {
            box = existing
        } else {
            box = JSONNode.ArrayBox()
            place.set(.array(box))
        }
        return JSONUnkeyedContainer(box: box, path: containerPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// Encodes `value` into the place: the types JSON writes in a form of its own first, then the
    /// value's own `encode(to:)`. A dictionary's keys are snake_cased like property names, as
    /// JSONEncoder did for every value it was handed inside Debrief's null-keeping wrapper.
    func encode<T: Encodable>(_ value: T) throws {
        if let node = try JSONScalars.node(of: value, encoder: self) {
            place.set(node)
        } else if let array = value as? any ConcurrentlyEncodable, array.count >= ConcurrentEncoding.smallestArray {
            let box = JSONNode.ArrayBox()
            place.set(.array(box))
            try array.encodeElements(into: box, path: containerPath)
        } else if let dictionary = value as? any StringKeyedEncodable {
            // What `Dictionary.encode(to:)` does through a keyed container, without boxing each key.
            let box = JSONNode.ObjectBox()
            place.set(.object(box))
            try dictionary.encodeMembers(into: box, path: containerPath)
        } else {
            try value.encode(to: self)
        }
    }
}

/// A value whose long arrays (a position report's candidates) may be encoded from several threads
/// at once: its encoding only reads it. Each chunk of elements goes into an array of its own, and
/// the chunks are joined in order, so the tree, and the JSON, are the same as one after another.
public protocol ConcurrentlyEncodableElement: Encodable, Sendable {}

private protocol ConcurrentlyEncodable {
    var count: Int { get }
    func encodeElements(into box: JSONNode.ArrayBox, path: JSONPath) throws
}

extension Array: ConcurrentlyEncodable where Element: ConcurrentlyEncodableElement {
    fileprivate func encodeElements(into box: JSONNode.ArrayBox, path: JSONPath) throws {
        let chunks = ConcurrentEncoding.chunks(count)
        let encoded = chunks.map { _ in JSONNode.ArrayBox() }
        let shared = ConcurrentEncoding.Unchecked((encoded: encoded, path: path))
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            let own = shared.value.encoded[chunk]
            own.items.reserveCapacity(chunks[chunk].count)
            do {
                for index in chunks[chunk] {
                    try JSONNodeEncoder(place: JSONPlace.newItem(of: own), path: shared.value.path, key: JSONKey(index: index)).encode(self[index])
                }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        box.items.reserveCapacity(count)
        for chunk in encoded { box.items.append(contentsOf: chunk.items) }
    }
}

/// A dictionary with string keys, encoded member by member straight into an object: reports
/// hold one per candidate and competency, and the standard library's way through a keyed
/// container per key was half of a position report's encoding.
private protocol StringKeyedEncodable {
    func encodeMembers(into box: JSONNode.ObjectBox, path: JSONPath) throws
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    fileprivate func encodeMembers(into box: JSONNode.ObjectBox, path: JSONPath) throws {
        box.members.reserveCapacity(count)
        for (key, value) in self {
            try JSONNodeEncoder(place: .newMember(of: box, key: SnakeCase.converted(key)), path: path, key: JSONKey(key)).encode(value)
        }
    }
}

/// Scalars and the Foundation types JSONEncoder writes in a format of its own.
private enum JSONScalars {
    /// The node of a scalar or a Foundation type with a format of its own; nil for anything else.
    /// Compared by type first, not cast: a cast per value was a tenth of an API reply's encoding.
    static func node<T: Encodable>(of value: T, encoder: some Encoder) throws -> JSONNode? {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .number(String(value as! Int)) }
        if T.self == Double.self { return .number(try number(value as! Double, encoder)) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Int64.self { return .number(String(value as! Int64)) }
        if T.self == Date.self { return .string(ISO8601Text.string(value as! Date)) }
        guard isOtherScalar(T.self) else { return nil }
        switch value {
        case let number as Int32: return .number(String(number))
        case let number as Int16: return .number(String(number))
        case let number as Int8: return .number(String(number))
        case let number as UInt: return .number(String(number))
        case let number as UInt64: return .number(String(number))
        case let number as UInt32: return .number(String(number))
        case let number as UInt16: return .number(String(number))
        case let number as UInt8: return .number(String(number))
        case let number as Float: return .number(try self.number(number, encoder))
        case let url as URL: return .string(url.absoluteString)
        case let data as Data: return .string(data.base64EncodedString())
        case let decimal as Decimal: return .number(decimal.description)
        default: return nil
        }
    }

    private static func isOtherScalar(_ type: Any.Type) -> Bool {
        type == Int32.self || type == Int16.self || type == Int8.self || type == UInt.self || type == UInt64.self || type == UInt32.self
            || type == UInt16.self || type == UInt8.self || type == Float.self || type == URL.self || type == Data.self || type == Decimal.self
    }

    /// A floating-point number as JSONEncoder writes it: its shortest description, without a ".0".
    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, _ encoder: some Encoder) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: encoder.codingPath, debugDescription: "\(value) is not a number JSON can hold"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// A dictionary's key, or an array's index, in a coding path, as JSONEncoder names them ("Index 3"):
/// an index is made a string only when the path is read.
private struct JSONKey: CodingKey {
    private let string: String?
    private let index: Int
    var stringValue: String { string ?? "Index \(index)" }
    var intValue: Int? { string == nil ? index : nil }
    init(_ string: String) { (self.string, index) = (string, 0) }
    init(index: Int) { (string, self.index) = (nil, index) }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.ObjectBox
    let path: JSONPath
    var codingPath: [any CodingKey] { JSONPath.keys(path, then: nil) }

    private func encoder(for key: Key) -> JSONNodeEncoder {
        JSONNodeEncoder(place: .newMember(of: box, key: SnakeCase.converted(key.stringValue)), path: path, key: key)
    }

    mutating func encodeNil(forKey key: Key) throws { _ = JSONPlace.newMember(of: box, key: SnakeCase.converted(key.stringValue)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder(for: key).encode(value) }

    // An absent optional is written as null, never left out.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeIfPresent(value as Bool?, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeIfPresent(value as String?, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeIfPresent(value as Double?, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeIfPresent(value as Float?, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeIfPresent(value as Int?, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeIfPresent(value as Int8?, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeIfPresent(value as Int16?, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeIfPresent(value as Int32?, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeIfPresent(value as Int64?, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeIfPresent(value as UInt?, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeIfPresent(value as UInt8?, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeIfPresent(value as UInt16?, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeIfPresent(value as UInt32?, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeIfPresent(value as UInt64?, key) }

    private mutating func encodeIfPresent<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder(for: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(for: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        JSONNodeEncoder(place: .newMember(of: box, key: "super"), path: path, key: JSONKey("super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(for: key) }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONNode.ArrayBox
    let path: JSONPath
    var codingPath: [any CodingKey] { JSONPath.keys(path, then: nil) }
    var count: Int { box.items.count }

    private func nextEncoder() -> JSONNodeEncoder {
        let index = box.items.count
        return JSONNodeEncoder(place: .newItem(of: box), path: path, key: JSONKey(index: index))
    }

    mutating func encodeNil() throws { _ = JSONPlace.newItem(of: box) }
    mutating func encode<T: Encodable>(_ value: T) throws { try nextEncoder().encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nextEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nextEncoder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nextEncoder() }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.place.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encode(value) }
}
