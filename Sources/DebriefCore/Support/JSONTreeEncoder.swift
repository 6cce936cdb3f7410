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
    /// The JSON of `value` as UTF-8.
    static func encode(_ value: some Encodable, pretty: Bool) throws -> [UInt8] {
        let root = JSONNode.Slot()
        try JSONNodeEncoder(slot: root, codingPath: []).encode(value)
        var writer = JSONTreeWriter(pretty: pretty)
        writer.write(root.node ?? .null)
        return writer.bytes
    }
}

/// A value on its way to JSON. Objects and arrays are boxes: a nested container fills its box after
/// the parent holds it.
enum JSONNode {
    case null
    case bool(Bool)
    /// A number, already written as JSON writes it.
    case number(String)
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)

    final class ArrayBox {
        var items: [Slot] = []
    }

    final class ObjectBox {
        var members: [String: Slot] = [:]
    }

    /// Where one value goes; empty until it is encoded (an empty slot is written as `null`).
    final class Slot {
        var node: JSONNode?
    }
}

/// The encoder handed to `Encodable` values: writes into one slot.
private struct JSONNodeEncoder: Encoder {
    let slot: JSONNode.Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONNode.ObjectBox
        if case .object(let existing) = slot.node {
            box = existing
        } else {
            box = JSONNode.ObjectBox()
            slot.node = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONNode.ArrayBox
        if case .array(let existing) = slot.node {
            box = existing
        } else {
            box = JSONNode.ArrayBox()
            slot.node = .array(box)
        }
        return JSONUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// Encodes `value` into the slot: the types JSON writes in a form of its own first, then the
    /// value's own `encode(to:)`. A dictionary's keys are snake_cased like property names, as
    /// JSONEncoder did for every value it was handed inside Debrief's null-keeping wrapper.
    func encode<T: Encodable>(_ value: T) throws {
        if let node = try JSONScalars.node(of: value, codingPath: codingPath) {
            slot.node = node
        } else if let array = value as? any ConcurrentlyEncodable, array.count >= ConcurrentEncoding.smallestArray {
            let box = JSONNode.ArrayBox()
            slot.node = .array(box)
            try array.encodeElements(into: box, codingPath: codingPath)
        } else if let dictionary = value as? any StringKeyedEncodable {
            // What `Dictionary.encode(to:)` does through a keyed container, without boxing each key.
            let box = JSONNode.ObjectBox()
            slot.node = .object(box)
            try dictionary.encodeMembers(into: box, codingPath: codingPath)
        } else {
            try value.encode(to: self)
        }
    }
}

/// A value whose long arrays (a position report's candidates) may be encoded from several threads
/// at once: its encoding only reads it. Each element goes into its own slot, so the tree, and the
/// JSON, are the same as one after another.
public protocol ConcurrentlyEncodableElement: Encodable, Sendable {}

private protocol ConcurrentlyEncodable {
    var count: Int { get }
    func encodeElements(into box: JSONNode.ArrayBox, codingPath: [any CodingKey]) throws
}

extension Array: ConcurrentlyEncodable where Element: ConcurrentlyEncodableElement {
    fileprivate func encodeElements(into box: JSONNode.ArrayBox, codingPath: [any CodingKey]) throws {
        let slots = (0..<count).map { _ in JSONNode.Slot() }
        box.items = slots
        let shared = ConcurrentEncoding.Unchecked((slots: slots, codingPath: codingPath))
        let failure = Mutex<(any Error)?>(nil)
        let chunks = ConcurrentEncoding.chunks(count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            do {
                for index in chunks[chunk] {
                    try JSONNodeEncoder(slot: shared.value.slots[index], codingPath: shared.value.codingPath + [JSONKey(intValue: index)!])
                        .encode(self[index])
                }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// A dictionary with string keys, encoded member by member straight into an object: reports
/// hold one per candidate and competency, and the standard library's way through a keyed
/// container per key was half of a position report's encoding.
private protocol StringKeyedEncodable {
    func encodeMembers(into box: JSONNode.ObjectBox, codingPath: [any CodingKey]) throws
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    fileprivate func encodeMembers(into box: JSONNode.ObjectBox, codingPath: [any CodingKey]) throws {
        box.members.reserveCapacity(count)
        for (key, value) in self {
            let slot = JSONNode.Slot()
            box.members[SnakeCase.converted(key)] = slot
            try JSONNodeEncoder(slot: slot, codingPath: codingPath + [JSONKey(key)]).encode(value)
        }
    }
}

/// Scalars and the Foundation types JSONEncoder writes in a format of its own.
private enum JSONScalars {
    /// The node of a scalar or a Foundation type with a format of its own; nil for anything else.
    /// Compared by type first, not cast: a cast per value was a tenth of an API reply's encoding.
    static func node<T: Encodable>(of value: T, codingPath: [any CodingKey]) throws -> JSONNode? {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .number(String(value as! Int)) }
        if T.self == Double.self { return .number(try number(value as! Double, codingPath)) }
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
        case let number as Float: return .number(try self.number(number, codingPath))
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
    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, _ codingPath: [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not a number JSON can hold"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

private struct JSONKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.ObjectBox
    let codingPath: [any CodingKey]

    private func slot(for key: Key) -> JSONNode.Slot {
        let slot = JSONNode.Slot()
        box.members[SnakeCase.converted(key.stringValue)] = slot
        return slot
    }

    private func encoder(for key: Key) -> JSONNodeEncoder {
        JSONNodeEncoder(slot: slot(for: key), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { slot(for: key).node = .null }
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
        JSONNodeEncoder(slot: slot(forRaw: "super"), codingPath: codingPath + [JSONKey("super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(for: key) }

    private func slot(forRaw key: String) -> JSONNode.Slot {
        let slot = JSONNode.Slot()
        box.members[key] = slot
        return slot
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONNode.ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    private func nextEncoder() -> JSONNodeEncoder {
        let slot = JSONNode.Slot()
        let index = box.items.count
        box.items.append(slot)
        return JSONNodeEncoder(slot: slot, codingPath: codingPath + [JSONKey(intValue: index)!])
    }

    mutating func encodeNil() throws { nextEncoder().slot.node = .null }
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

    mutating func encodeNil() throws { encoder.slot.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encode(value) }
}
