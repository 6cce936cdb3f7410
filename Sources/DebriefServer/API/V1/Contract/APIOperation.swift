import HTTPTypes
import Hummingbird

/// One operation of `/api/v1`, declared once: the router serves it from this declaration and the
/// OpenAPI document describes it from the same one, so the contract and the server cannot drift.
struct APIOperation: Sendable {
    /// What the operation takes as its body.
    enum Body: Sendable {
        /// A JSON object (`application/json`), checked against the schema before the handler reads it.
        case json(JSONSchema, limit: Int = APIOperation.jsonLimit)
        /// A JSON merge patch (`application/merge-patch+json` or `application/json`); needs `If-Match`.
        case mergePatch(JSONSchema)
        /// A document in one of these media types (an HTML page, a CSV sheet, a multipart upload).
        case document([String], limit: Int, description: String)
    }

    struct Parameter: Sendable {
        enum Location: String, Sendable { case path, query }
        let name: String
        let location: Location
        let schema: JSONSchema
        let description: String
        var required: Bool = false
        /// A query parameter that names one record the answer is about (not a filter of a list): an
        /// unknown one is a 404, as an unknown path id is.
        var names: Bool = false

        static func query(_ name: String, _ schema: JSONSchema, _ description: String) -> Parameter {
            Parameter(name: name, location: .query, schema: schema, description: description)
        }

        /// A query parameter naming one record; see `names`.
        static func record(_ name: String, _ description: String) -> Parameter {
            Parameter(name: name, location: .query, schema: .id, description: description, names: true)
        }
    }

    /// A success the operation answers with; the problems it can answer with are added from its shape.
    struct Outcome: Sendable {
        let status: HTTPResponse.Status
        let description: String
        /// The JSON body's schema; nil for no body (or `mediaTypes` other than JSON).
        var schema: JSONSchema?
        var mediaTypes: [String] = ["application/json"]
        /// Operations this answer leads to (OpenAPI links): operation id, its path parameter, and where the value is in the body.
        var links: [(operation: String, parameter: String, pointer: String)] = []
    }

    /// JSON bodies are small; imports and score sheets set their own limit.
    static let jsonLimit = 64 * 1024

    let method: HTTPRequest.Method
    /// The path as OpenAPI writes it: `/api/v1/candidates/{candidate}`.
    let path: String
    let operationID: String
    let tag: String
    let summary: String
    /// Who may call it, in words, for the document.
    let access: String
    var parameters: [Parameter] = []
    var body: Body?
    var outcomes: [Outcome]
    /// Whether anonymous callers may use it (`/api/v1/openapi.json`).
    var anonymous = false
    let handler: @Sendable (APIRequest) async throws -> APIReply

    /// The names in braces in the path, in order.
    var pathParameters: [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    /// The path as Hummingbird's router spells it: `/api/v1/candidates/:candidate`.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    /// Whether a request must name the version it changes (`If-Match`).
    var needsIfMatch: Bool {
        if case .mergePatch = body { return true }
        return false
    }

    /// The media types a successful answer can have.
    var successMediaTypes: Set<String> { Set(outcomes.flatMap(\.mediaTypes)) }
}
