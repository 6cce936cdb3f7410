import Foundation

/// The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the API's bodies, written once: the
/// OpenAPI document prints them, request bodies are checked against them before anything else reads
/// them, and the tests check every response against them.
indirect enum JSONSchema: Sendable {
    /// An object with exactly these properties (others are refused), of which `required` must be present.
    case object([(String, JSONSchema)], required: [String], description: String? = nil)
    /// An object whose keys are free and whose values all have one schema.
    case map(JSONSchema)
    case array(JSONSchema, maxItems: Int? = nil)
    case string(format: String? = nil, oneOf: [String]? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil)
    case integer(minimum: Int64? = nil, maximum: Int64? = nil)
    case number
    case boolean
    /// A component of the document, `#/components/schemas/NAME`.
    case ref(String)
    /// The schema, or JSON `null`.
    case nullable(JSONSchema)
    /// Anything at all (a report's body, which has its own contract in the README).
    case any

    static var text: JSONSchema { .string(maxLength: 10_000) }
    static var id: JSONSchema { .integer(minimum: 1) }
    static var dateTime: JSONSchema { .string(format: "date-time") }
    static var email: JSONSchema { .string(format: "email", maxLength: 254) }

    /// The schema as the OpenAPI document prints it.
    var document: JSONValue {
        switch self {
        case .object(let properties, let required, let description):
            var fields: [(String, JSONValue)] = [
                ("type", "object"), ("properties", .object(properties.map { ($0.0, $0.1.document) })),
                ("additionalProperties", false),
            ]
            if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
            if let description { fields.append(("description", .string(description))) }
            return .object(fields)
        case .map(let values):
            return .object([("type", "object"), ("additionalProperties", values.document)])
        case .array(let items, let maxItems):
            return .object([("type", "array"), ("items", items.document)] + (maxItems.map { [("maxItems", .int(Int64($0)))] } ?? []))
        case .string(let format, let oneOf, let minLength, let maxLength, let pattern):
            var fields: [(String, JSONValue)] = [("type", "string")]
            if let format { fields.append(("format", .string(format))) }
            if let oneOf { fields.append(("enum", .array(oneOf.map(JSONValue.string)))) }
            if let minLength { fields.append(("minLength", .int(Int64(minLength)))) }
            if let maxLength { fields.append(("maxLength", .int(Int64(maxLength)))) }
            if let pattern { fields.append(("pattern", .string(pattern))) }
            return .object(fields)
        case .integer(let minimum, let maximum):
            var fields: [(String, JSONValue)] = [("type", "integer")]
            if let minimum { fields.append(("minimum", .int(minimum))) }
            if let maximum { fields.append(("maximum", .int(maximum))) }
            return .object(fields)
        case .number: return .object([("type", "number")])
        case .boolean: return .object([("type", "boolean")])
        case .ref(let name): return .object([("$ref", .string("#/components/schemas/\(name)"))])
        case .nullable(let schema):
            return .object([("oneOf", .array([schema.document, .object([("type", "null")])]))])
        case .any: return .object([])
        }
    }
}

/// A JSON value with its object keys in order, for writing documents such as the OpenAPI contract.
enum JSONValue: Sendable, Encodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let fields):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in fields { try container.encode(value, forKey: Key(key)) }
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .int(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
