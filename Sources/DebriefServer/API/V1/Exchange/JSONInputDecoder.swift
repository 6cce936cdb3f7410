import DebriefCore
import Foundation

/// Decodes a body's typed value from the `JSONInput` already read for the contract's schema check,
/// as `JSONDecoder` with `.convertFromSnakeCase` keys and ISO 8601 dates decoded it from the bytes:
/// the same values, and the same errors at the same coding paths (`JSONInputDecoderTests` holds the
/// two side by side). Reading every body twice, the second time through `JSONDecoder`, was a tenth
/// of a scorecard submission's server time; decoding from the `JSONInput` is half that (BENCHMARKS.md,
/// session 23).
struct JSONInputDecoder: Decoder {
    let input: JSONInput
    /// The path of the container holding `input`, and `input`'s key in it: the whole path is put
    /// together only when a container or an error needs it, not for every value.
    let containerPath: [any CodingKey]
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(input: JSONInput, in containerPath: [any CodingKey], at key: (any CodingKey)?) {
        self.input = input
        self.containerPath = containerPath
        self.key = key
    }

    var codingPath: [any CodingKey] { key.map { containerPath + [$0] } ?? containerPath }

    /// `T` from `input`, or the `DecodingError` `JSONDecoder` would have thrown.
    static func decode<T: Decodable>(_ type: T.Type, from input: JSONInput) throws -> T {
        try JSONInputDecoder(input: input, in: [], at: nil).decodeValue(type)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = input else {
            throw Self.mismatch([String: Any].self, input, codingPath)
        }
        return KeyedDecodingContainer(JSONInputKeyedContainer<Key>(members: Self.camelCased(members), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = input else {
            throw Self.mismatch([Any].self, input, codingPath)
        }
        return JSONInputUnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// A value of any type: JSON's own kinds and dates here, everything else by its `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self {
            let text = try decode(String.self)
            guard let date = ISO8601Parsing.date(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "'\(text)' is not an ISO 8601 date and time"))
            }
            return date as! T
        }
        // A dictionary keyed by strings keeps its keys as sent: `JSONDecoder` converts only the
        // keys of a type's properties.
        if let keyed = type as? any StringKeyedDecodable.Type {
            guard case .object(let members) = input else { throw Self.mismatch(type, input, codingPath) }
            return try keyed.init(members: members, codingPath: codingPath) as! T
        }
        return try T(from: self)
    }

    /// Object keys as `.convertFromSnakeCase` makes them: `round_id` is `roundId`.
    private static func camelCased(_ members: [String: JSONInput]) -> [String: JSONInput] {
        guard members.keys.contains(where: { $0.utf8.contains(UInt8(ascii: "_")) }) else { return members }
        var converted: [String: JSONInput] = [:]
        converted.reserveCapacity(members.count)
        for (key, value) in members { converted[camelCased(key)] = value }
        return converted
    }

    /// Foundation's `convertFromSnakeCase`, step for step: underscores at the ends kept, the words
    /// between joined, the first lower-cased and the others capitalised; one word is left as it is.
    static func camelCased(_ key: String) -> String {
        if let plain = plainCamelCased(key) { return plain }
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first && key[last] == "_" { key.formIndex(before: &last) }
        let words = key[first...last].split(separator: "_")
        guard words.count > 1 else { return key }
        let joined = ([words[0].lowercased()] + words[1...].map { $0.capitalized }).joined()
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }

    /// `camelCased` for the keys clients send, lower-case ASCII letters, digits and underscores
    /// between words, byte by byte: after the first word, a letter that starts a word or follows a
    /// digit is upper-cased, as `capitalized` does. Nil for any other key.
    private static func plainCamelCased(_ key: String) -> String? {
        let bytes = key.utf8
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "_"), last != UInt8(ascii: "_"),
            bytes.allSatisfy({
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "_")
            })
        else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var inFirstWord = true, upperNext = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                inFirstWord = false
                upperNext = true
            } else if byte <= UInt8(ascii: "9") {
                result.append(byte)
                upperNext = !inFirstWord
            } else {
                result.append(upperNext ? byte - 32 : byte)
                upperNext = false
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The error `JSONDecoder` throws for a value of the wrong kind.
    static func mismatch(_ type: Any.Type, _ input: JSONInput, _ path: [any CodingKey]) -> DecodingError {
        if case .null = input {
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(input.foundationKind) instead."))
    }
}

extension JSONInputDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        if case .null = input { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = input else { throw Self.mismatch(type, input, codingPath) }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = input else { throw Self.mismatch(type, input, codingPath) }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch input {
        case .integer(let whole): return Double(whole)
        case .number(let number): return number
        default: throw Self.mismatch(type, input, codingPath)
        }
    }

    func decode(_ type: Float.Type) throws -> Float {
        let number = try decode(Double.self)
        guard number.magnitude <= Double(Float.greatestFiniteMagnitude) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(number)> does not fit in Float."))
        }
        return Float(number)
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }

    /// A whole number that fits `T`, written as an integer or as a float with a whole value.
    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let (fitting, text): (T?, String)
        switch input {
        case .integer(let whole): (fitting, text) = (T(exactly: whole), String(whole))
        case .number(let number): (fitting, text) = (T(exactly: number), String(number))
        default: throw Self.mismatch(type, input, codingPath)
        }
        // JSONDecoder said only "The given data was not valid JSON", at no field.
        guard let fitting else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(text)> does not fit in \(T.self)."))
        }
        return fitting
    }
}

/// `[String: Value]`, decoded member by member with its keys as they are.
private protocol StringKeyedDecodable {
    init(members: [String: JSONInput], codingPath: [any CodingKey]) throws
}

extension Dictionary: StringKeyedDecodable where Key == String, Value: Decodable {
    fileprivate init(members: [String: JSONInput], codingPath: [any CodingKey]) throws {
        self.init(minimumCapacity: members.count)
        for (key, value) in members {
            self[key] = try JSONInputDecoder(input: value, in: codingPath, at: JSONInputKey(stringValue: key)!).decodeValue(Value.self)
        }
    }
}

extension JSONInput {
    /// The words `JSONDecoder` uses for a value of the wrong kind.
    fileprivate var foundationKind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer, .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}
