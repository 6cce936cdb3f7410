import Foundation

/// Encodes any `Encodable` into a `JSONTree`, writing an absent optional as `null` instead of
/// leaving its key out: synthesized conformances call `encodeIfPresent`, which this encoder's
/// keyed containers answer with `encodeNil`. That is how every JSON Debrief writes keeps the
/// rule "a figure that cannot be computed is `null`, never missing" without a wrapper per field.
struct NullKeepingEncoder: Encoder {
    let node: JSONTree.Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func tree(of value: some Encodable) throws -> JSONTree.Node {
        try encode(value, at: [])
    }

    static func encode(_ value: some Encodable, at path: [any CodingKey]) throws -> JSONTree.Node {
        let node = JSONTree.Node()
        switch value {
        case let date as Date: node.value = .date(date)
        case let url as URL: node.value = .string(url.absoluteString)
        case let decimal as Decimal: node.value = .double(NSDecimalNumber(decimal: decimal).doubleValue)
        default: try value.encode(to: NullKeepingEncoder(node: node, codingPath: path))
        }
        return node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.value {} else { node.value = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.value {} else { node.value = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONTree.Node
    let codingPath: [any CodingKey]

    private func set(_ child: JSONTree.Node, _ key: Key) {
        guard case .object(var members) = node.value else { return }
        members[key.stringValue] = child
        node.value = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws { set(JSONTree.Node(.null), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(JSONTree.Node(.bool(value)), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(JSONTree.Node(.string(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(JSONTree.Node(.double(value)), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(JSONTree.Node(.double(Double(value))), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(JSONTree.Node(.int(Int64(value))), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(JSONTree.Node(.int(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try NullKeepingEncoder.encode(value, at: codingPath + [key]), key)
    }

    // The point of this encoder: an absent optional is written as null.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOrNull(value, key) }

    private mutating func encodeOrNull<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONTree.Node(.object([:]))
        set(child, key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONTree.Node(.array([]))
        set(child, key)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONTree.Node()
        set(child, key)
        return NullKeepingEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONTree.Node
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let items) = node.value { items.count } else { 0 }
    }

    private func append(_ child: JSONTree.Node) {
        guard case .array(var items) = node.value else { return }
        items.append(child)
        node.value = .array(items)
    }

    mutating func encodeNil() throws { append(JSONTree.Node(.null)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try NullKeepingEncoder.encode(value, at: codingPath + [JSONTree.Key(index: count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONTree.Node(.object([:]))
        append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONTree.Node(.array([]))
        append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONTree.Node()
        append(child)
        return NullKeepingEncoder(node: child, codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONTree.Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }
    mutating func encode(_ value: Bool) throws { node.value = .bool(value) }
    mutating func encode(_ value: String) throws { node.value = .string(value) }
    mutating func encode(_ value: Double) throws { node.value = .double(value) }
    mutating func encode(_ value: Float) throws { node.value = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.value = .int(value) }
    mutating func encode(_ value: UInt) throws { node.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { node.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { node.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { node.value = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.value = try NullKeepingEncoder.encode(value, at: codingPath).value
    }
}
