import Foundation

/// A JSON document as `NullKeepingEncoder` builds it, written out by `JSONEncoder` (so Debrief's
/// formatting, key style and dates stay those of `JSONText`).
enum JSONTree {
    indirect enum Value {
        case empty, null, bool(Bool), string(String), int(Int64), unsigned(UInt64), double(Double), date(Date)
        case array([Node]), object([String: Node])
    }

    /// One value of the document; a class, because containers fill it in after handing it out.
    final class Node: Encodable {
        var value: Value

        init(_ value: Value = .empty) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .empty:
                _ = encoder.container(keyedBy: Key.self)
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                for (name, member) in members { try container.encode(member, forKey: Key(name)) }
            case .array(let items):
                var container = encoder.unkeyedContainer()
                for item in items { try container.encode(item) }
            case .null:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            case .bool(let value): try encodeSingle(value, to: encoder)
            case .string(let value): try encodeSingle(value, to: encoder)
            case .int(let value): try encodeSingle(value, to: encoder)
            case .unsigned(let value): try encodeSingle(value, to: encoder)
            case .double(let value): try encodeSingle(value, to: encoder)
            case .date(let value): try encodeSingle(value, to: encoder)
            }
        }

        private func encodeSingle(_ value: some Encodable, to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    struct Key: CodingKey {
        let stringValue: String
        let intValue: Int?

        init(_ name: String) {
            stringValue = name
            intValue = nil
        }

        init(index: Int) {
            stringValue = "Index \(index)"
            intValue = index
        }

        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { self.init(index: intValue) }
    }
}
