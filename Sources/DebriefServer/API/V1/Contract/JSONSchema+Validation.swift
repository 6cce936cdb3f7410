import Foundation

/// One thing wrong with a body, where it is (a JSON Pointer such as `/ratings/2/value`) and what to do.
struct FieldProblem: Sendable, Equatable, Encodable {
    let field: String
    let detail: String
}

/// A JSON value as a body held it, with booleans, whole numbers and other numbers told apart.
enum JSONInput: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONInput])
    case object([String: JSONInput])

    /// What kind of value this is, in words.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONSchema {
    /// What in `value` breaks this schema; empty when it conforms. `components` resolves `.ref`s.
    func problems(in value: JSONInput, at pointer: String = "", components: [String: JSONSchema]) -> [FieldProblem] {
        let field = pointer.isEmpty ? "/" : pointer
        func wrong(_ detail: String) -> [FieldProblem] { [FieldProblem(field: field, detail: detail)] }
        switch (self, value) {
        case (.any, _):
            return []
        case (.ref(let name), _):
            guard let schema = components[name] else { return wrong("the contract has no schema \(name)") }
            return schema.problems(in: value, at: pointer, components: components)
        case (.nullable, .null):
            return []
        case (.nullable(let schema), _):
            return schema.problems(in: value, at: pointer, components: components)
        case (.object(let properties, let required, _), .object(let object)):
            var found: [FieldProblem] = []
            let known = Set(properties.map(\.0))
            for key in object.keys.sorted() where !known.contains(key) {
                found.append(
                    FieldProblem(
                        field: pointer + "/" + key, detail: "is not a field here; the fields are \(properties.map(\.0).joined(separator: ", "))"))
            }
            for key in required where object[key] == nil {
                found.append(FieldProblem(field: pointer + "/" + key, detail: "is required"))
            }
            for (key, schema) in properties {
                guard let member = object[key] else { continue }
                found += schema.problems(in: member, at: pointer + "/" + key, components: components)
            }
            return found
        case (.map(let values), .object(let object)):
            return object.keys.sorted().flatMap { values.problems(in: object[$0]!, at: pointer + "/" + $0, components: components) }
        case (.array(let items, let maxItems), .array(let array)):
            if let maxItems, array.count > maxItems { return wrong("has \(array.count) items; at most \(maxItems) are accepted") }
            return array.enumerated().flatMap { items.problems(in: $0.element, at: "\(pointer)/\($0.offset)", components: components) }
        case (.string(let format, let oneOf, let minLength, let maxLength, let pattern), .string(let text)):
            if let oneOf, !oneOf.contains(text) { return wrong("'\(text)' is not one of: \(oneOf.joined(separator: ", "))") }
            if let minLength, text.count < minLength { return wrong("must have at least \(minLength) characters") }
            if let maxLength, text.count > maxLength { return wrong("has \(text.count) characters; at most \(maxLength) are accepted") }
            if let pattern, text.range(of: pattern, options: .regularExpression) == nil { return wrong("'\(text)' does not match \(pattern)") }
            if format == "date-time", ISO8601Parsing.date(text) == nil {
                return wrong("'\(text)' is not an ISO 8601 date and time such as 2026-12-01T09:30:00Z")
            }
            return []
        case (.integer(let minimum, let maximum), .integer(let number)):
            if let minimum, number < minimum { return wrong("must be at least \(minimum)") }
            if let maximum, number > maximum { return wrong("must be at most \(maximum)") }
            return []
        case (.number, .integer), (.number, .number), (.boolean, .bool):
            return []
        case (.object, _), (.map, _): return wrong("must be a JSON object, not \(value.kind)")
        case (.array, _): return wrong("must be a JSON array, not \(value.kind)")
        case (.string, _): return wrong("must be a string, not \(value.kind)")
        case (.integer, _): return wrong("must be a whole number, not \(value.kind)")
        case (.number, _): return wrong("must be a number, not \(value.kind)")
        case (.boolean, _): return wrong("must be true or false, not \(value.kind)")
        }
    }
}

/// ISO 8601 dates and times as the API reads them: with a zone, with or without fractions of a second.
enum ISO8601Parsing {
    static func date(_ text: String) -> Date? {
        let text = text.uppercased()
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
