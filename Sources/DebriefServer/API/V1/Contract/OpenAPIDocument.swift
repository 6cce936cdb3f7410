import Foundation
import HTTPTypes

/// The OpenAPI 3.1 document of `/api/v1`, made from the same declarations the router serves.
enum OpenAPIDocument {
    static func make(_ operations: [APIOperation], version: String) -> JSONValue {
        let paths = Dictionary(grouping: operations, by: \.path).sorted { $0.key < $1.key }.map { path, operations in
            (path, JSONValue.object(operations.map { (($0.method.rawValue.lowercased()), describe($0)) }))
        }
        let kinds = ProblemKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        return .object([
            ("openapi", "3.1.0"),
            (
                "info",
                .object([
                    ("title", "Debrief API"), ("version", .string(version)),
                    (
                        "description",
                        .string(
                            """
                            Interview candidates, rounds, scorecards and reports. Send an access token (`debrief users token EMAIL`) as \
                            `Authorization: Bearer TOKEN`. Lists are paged: follow `next` (also a `Link` header). Every GET has an ETag and \
                            answers 304 to If-None-Match; PATCH takes a JSON merge patch and needs If-Match. Every POST takes an \
                            Idempotency-Key: the same key with the same request within 24 hours is answered again without doing the work \
                            twice. Problems are RFC 9457 JSON whose `type` is `urn:debrief:problem:` and one of: \(kinds).
                            """),
                    ),
                ])
            ),
            ("servers", .array([.object([("url", "/")])])),
            ("security", .array([.object([("bearer", .array([]))])])),
            ("paths", .object(paths)),
            (
                "components",
                .object([
                    ("schemas", .object(APISchemas.components.sorted { $0.key < $1.key }.map { ($0.key, $0.value.document) })),
                    ("securitySchemes", .object([("bearer", .object([("type", "http"), ("scheme", "bearer")]))])),
                    ("responses", .object(problemResponses.map { ($0.0, problem($0.1)) })),
                ])
            ),
        ])
    }

    /// The problems every operation of a shape can answer with.
    private static let problemResponses: [(String, String)] = [
        ("BadRequest", "malformed: a bad query parameter, cursor or body that is not JSON"),
        ("Unauthorized", "no access token, or one that is unknown, expired or revoked"),
        ("Forbidden", "the access policy does not let the caller do this"), ("NotFound", "no such record"),
        ("MethodNotAllowed", "the address has no such operation"), ("NotAcceptable", "the Accept header allows nothing this operation answers with"),
        ("Conflict", "a duplicate (such as a taken email), a locked record, or a request with this Idempotency-Key still in progress"),
        ("PreconditionFailed", "the record changed since the ETag in If-Match was read"),
        ("TooLarge", "the body is over this operation's limit"), ("UnsupportedMediaType", "the body is not of a media type this operation takes"),
        (
            "Unprocessable",
            "the body breaks the contract or a rule (`errors` says which field and why), or the Idempotency-Key was used for another request"
        ),
        ("PreconditionRequired", "a change without If-Match"), ("TooManyRequests", "too many changes; Retry-After says when to try again"),
        ("Unavailable", "the database or the rubrics cannot be used right now"),
    ]

    private static func problem(_ description: String) -> JSONValue {
        .object([
            ("description", .string(description)),
            ("content", .object([("application/problem+json", .object([("schema", JSONSchema.ref("Problem").document)]))])),
        ])
    }

    private static func describe(_ operation: APIOperation) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("operationId", .string(operation.operationID)), ("tags", .array([.string(operation.tag)])),
            ("summary", .string(operation.summary)), ("description", .string("Who may: \(operation.access).")),
        ]
        if operation.anonymous { fields.append(("security", .array([.object([])]))) }
        var parameters: [JSONValue] = operation.pathParameters.map { name in
            let schema: JSONSchema = name == "rubric" || name == "hash" ? .string(minLength: 1, maxLength: 100) : .id
            return .object([("name", .string(name)), ("in", "path"), ("required", true), ("schema", schema.document)])
        }
        parameters += operation.parameters.map { parameter in
            .object([
                ("name", .string(parameter.name)), ("in", .string(parameter.location.rawValue)), ("required", .bool(parameter.required)),
                ("description", .string(parameter.description)), ("schema", parameter.schema.document),
            ])
        }
        if operation.needsIfMatch {
            // Required in fact, but a missing one is answered 428 (documented), so the contract lists it as optional.
            parameters.append(header("If-Match", required: false, "required: the ETag of the record as last read; 428 without it"))
        }
        if operation.method == .post {
            parameters.append(header("Idempotency-Key", required: false, "makes a retried request safe: answered once, done once"))
        }
        if operation.method == .get {
            parameters.append(header("If-None-Match", required: false, "an ETag read before: 304 when nothing changed"))
        }
        if !parameters.isEmpty { fields.append(("parameters", .array(parameters))) }
        if let body = operation.body { fields.append(("requestBody", requestBody(body))) }
        var responses: [(String, JSONValue)] = operation.outcomes.map { outcome in
            var response: [(String, JSONValue)] = [("description", .string(outcome.description))]
            if outcome.mediaTypes.isEmpty { return (String(outcome.status.code), .object(response)) }
            let content = outcome.mediaTypes.map { type -> (String, JSONValue) in
                let schema = type == "application/json" ? (outcome.schema ?? .any) : .string()
                return (type, .object([("schema", schema.document)]))
            }
            response.append(("content", .object(content)))
            var headers: [(String, JSONValue)] = [("ETag", .object([("schema", JSONSchema.string().document)]))]
            if outcome.status == .created { headers.append(("Location", .object([("schema", JSONSchema.string().document)]))) }
            response.append(("headers", .object(headers)))
            if !outcome.links.isEmpty {
                response.append(
                    (
                        "links",
                        .object(
                            outcome.links.map { link in
                                (
                                    link.operation,
                                    .object([
                                        ("operationId", .string(link.operation)),
                                        ("parameters", .object([(link.parameter, .string("$response.body#" + link.pointer))])),
                                    ])
                                )
                            })
                    ))
            }
            return (String(outcome.status.code), .object(response))
        }
        if operation.method == .get { responses.append(("304", .object([("description", "not modified since the ETag in If-None-Match")]))) }
        for (code, name) in problems(for: operation) {
            responses.append((code, .object([("$ref", .string("#/components/responses/\(name)"))])))
        }
        fields.append(("responses", .object(responses)))
        return .object(fields)
    }

    private static func problems(for operation: APIOperation) -> [(String, String)] {
        var codes: [(String, String)] = [("400", "BadRequest"), ("405", "MethodNotAllowed"), ("406", "NotAcceptable")]
        if !operation.anonymous { codes += [("401", "Unauthorized"), ("403", "Forbidden"), ("503", "Unavailable")] }
        if !operation.pathParameters.isEmpty || operation.method != .get || operation.parameters.contains(where: \.names) {
            codes.append(("404", "NotFound"))
        }
        if operation.body != nil { codes += [("413", "TooLarge"), ("415", "UnsupportedMediaType"), ("422", "Unprocessable")] }
        if operation.method != .get { codes += [("409", "Conflict"), ("422", "Unprocessable"), ("429", "TooManyRequests")] }
        if operation.needsIfMatch { codes += [("412", "PreconditionFailed"), ("428", "PreconditionRequired")] }
        var seen: Set<String> = []
        return codes.filter { seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }
    }

    private static func header(_ name: String, required: Bool, _ description: String) -> JSONValue {
        .object([
            ("name", .string(name)), ("in", "header"), ("required", .bool(required)), ("description", .string(description)),
            ("schema", JSONSchema.string().document),
        ])
    }

    private static func requestBody(_ body: APIOperation.Body) -> JSONValue {
        switch body {
        case .json(let schema, _):
            return .object([("required", true), ("content", .object([("application/json", .object([("schema", schema.document)]))]))])
        case .mergePatch(let schema):
            return .object([
                ("required", true),
                (
                    "content",
                    .object([
                        ("application/merge-patch+json", .object([("schema", schema.document)])),
                        ("application/json", .object([("schema", schema.document)])),
                    ])
                ),
            ])
        case .document(let types, _, let description):
            let content: [(String, JSONValue)] = types.map { type in
                if type == "multipart/form-data" {
                    let schema = JSONSchema.object([("file", .string(format: "binary")), ("name", .string(maxLength: 200))], required: ["file"])
                    return (type, .object([("schema", schema.document)]))
                }
                return (type, .object([("schema", JSONSchema.string(minLength: 1).document)]))
            }
            return .object([("required", true), ("description", .string(description)), ("content", .object(content))])
        }
    }
}
