import DebriefCore
import Foundation
import HTTPTypes
import Hummingbird

/// A request to an API operation after its shape has been checked: the caller, the path ids, the
/// query parameters that were declared, and the body, read and checked against the contract.
struct APIRequest: Sendable {
    let request: Request
    let context: DebriefRequestContext
    /// The caller; nil only for operations open to anonymous callers.
    let caller: Principal?
    /// The body's bytes, when the operation takes one.
    let body: Data?
    /// The body as JSON, when the operation takes JSON (already checked against its schema).
    let json: JSONInput?
    /// The `If-Match` list of a conditional change.
    let ifMatch: String?

    /// The signed-in caller (every operation but the contract itself has one).
    var principal: Principal {
        get throws(Problem) {
            guard let caller else { throw Problem.signInRequired("sign in or send an access token") }
            return caller
        }
    }

    /// A path id: a positive whole number, or a 404 (no record can have that id).
    func id(_ name: String) throws(Problem) -> Int64 {
        let text = context.parameters.get(name) ?? ""
        guard let id = Int64(text), id > 0 else {
            throw Problem(status: .notFound, title: "Not found", detail: "'\(text)' is not a \(name) id; ids are positive whole numbers")
        }
        return id
    }

    /// A query parameter's text, when it was sent and is not empty.
    func query(_ name: String) -> String? {
        guard let value = request.uri.queryParameters[name[...]].map(String.init), !value.isEmpty else { return nil }
        return value
    }

    /// A whole-number query parameter (already checked against its declaration).
    func integer(_ name: String) -> Int64? {
        query(name).flatMap { Int64($0) }
    }

    /// A date-time query parameter (already checked against its declaration).
    func date(_ name: String) -> Date? {
        query(name).flatMap(ISO8601Parsing.date)
    }

    /// The body decoded as `T` (snake_case keys, ISO 8601 dates); a value a domain rule refuses is a 422.
    func decode<T: Decodable>(_ type: T.Type) throws(Problem) -> T {
        guard let body else { throw Problem.badRequest("this operation needs a JSON body") }
        do {
            // The JSON already read for the schema check, or read now for an operation without one.
            let input = try json ?? JSONInput(parsing: body)
            return try JSONInputDecoder.decode(T.self, from: input)
        } catch let error as DecodingError {
            throw Problem.validation([Self.fieldProblem(error)])
        } catch {
            throw Problem.validation([FieldProblem(field: "/", detail: String(describing: error))])
        }
    }

    /// The member of the JSON object body named `key`, if it was sent (merge patches tell absent from null).
    func member(_ key: String) -> JSONInput? {
        guard case .object(let object) = json else { return nil }
        return object[key]
    }

    private static func fieldProblem(_ error: DecodingError) -> FieldProblem {
        func pointer(_ path: [any CodingKey]) -> String {
            "/" + path.map { $0.intValue.map(String.init) ?? Self.snakeCase($0.stringValue) }.joined(separator: "/")
        }
        switch error {
        case .dataCorrupted(let context): return FieldProblem(field: pointer(context.codingPath), detail: context.debugDescription)
        case .keyNotFound(let key, let context): return FieldProblem(field: pointer(context.codingPath + [key]), detail: "is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return FieldProblem(field: pointer(context.codingPath), detail: context.debugDescription)
        @unknown default: return FieldProblem(field: "/", detail: String(describing: error))
        }
    }

    private static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }
}
