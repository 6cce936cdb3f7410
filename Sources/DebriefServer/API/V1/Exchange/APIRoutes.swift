import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the operations of `/api/v1` from their declarations: checks what the caller accepts,
/// who they are, the path, query and body against the contract, handles `If-Match` and
/// `Idempotency-Key`, then runs the operation and answers with its reply.
struct APIRoutes {
    let operations: [APIOperation]
    let service: DebriefService
    let components: [String: JSONSchema]

    func addRoutes(to router: Router<DebriefRequestContext>) {
        for operation in operations {
            router.on(RouterPath(operation.routerPath), method: operation.method) { request, context in
                try await run(operation, request, context)
            }
        }
        // A method a path does not have is a 405 that says which it does have, not a 404.
        for (path, methods) in Dictionary(grouping: operations, by: \.routerPath) {
            let allowed = methods.map(\.method) + (methods.contains { $0.method == .get } ? [.head] : [])
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .options, .trace, .query] where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    var problem = Problem(
                        status: .methodNotAllowed, title: "Method not allowed",
                        detail: "\(method.rawValue) is not an operation of this address; it has \(allowed.map(\.rawValue).joined(separator: ", "))")
                    problem.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                    throw problem
                }
            }
        }
    }

    private func run(_ operation: APIOperation, _ request: Request, _ context: DebriefRequestContext) async throws -> Response {
        try Self.checkAccept(request, offering: operation.successMediaTypes)
        let caller = context.principal
        if caller == nil && !operation.anonymous { throw Problem.signInRequired("send an access token (Authorization: Bearer ...) or sign in") }
        try checkQuery(request, operation)
        var ifMatch: String?
        if operation.needsIfMatch {
            guard let value = request.headers[.ifMatch], !value.isEmpty else {
                throw Problem(
                    status: .preconditionRequired, title: "If-Match required",
                    detail: "a change must say which version it changes: send If-Match with the ETag of the record as you last read it")
            }
            ifMatch = value
        }
        let (body, json) = try await readBody(request, context, operation)
        let input = APIRequest(request: request, context: context, caller: caller, body: body, json: json, ifMatch: ifMatch)
        guard operation.method == .post, let key = request.headers[.idempotencyKey], let principal = caller else {
            return try await Self.handle(operation, input).response(for: request)
        }
        return try await idempotent(key: key, principal: principal, request: request, body: body ?? Data()) {
            try await Self.handle(operation, input)
        }.response(for: request)
    }

    /// Runs the operation; a value a domain rule refuses is a 422 naming its field, as the contract's own checks are.
    private static func handle(_ operation: APIOperation, _ input: APIRequest) async throws -> APIReply {
        do {
            return try await operation.handler(input)
        } catch let error as FieldError {
            throw Problem.validation([FieldProblem(field: "/" + error.field, detail: error.message)])
        } catch StoreError.invalid(let error) {
            throw Problem.validation([FieldProblem(field: "/" + error.field, detail: error.message)])
        }
    }

    /// Runs `work` at most once for one key and one request; see `AppDatabase.claimIdempotencyKey`.
    private func idempotent(
        key: String, principal: Principal, request: Request, body: Data, work: () async throws -> APIReply
    ) async throws -> APIReply {
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw Problem.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters")
        }
        let summary = Data("\(request.method.rawValue) \(request.uri.path)?\(request.uri.query ?? "")\n".utf8) + body
        let hash = SHA256.hex(of: [UInt8](summary))
        switch try await service.claimIdempotencyKey(key, requestHash: hash, by: principal) {
        case .replay(let stored):
            var headers = HTTPFields()
            for pair in stored.headers where pair.count == 2 {
                if let name = HTTPField.Name(pair[0]) { headers[name] = pair[1] }
            }
            headers[.idempotentReplayed] = "true"
            return APIReply(status: HTTPResponse.Status(code: stored.status), headers: headers, body: stored.body)
        case .mismatch:
            throw Problem(
                status: .unprocessableContent, title: "Idempotency-Key reused",
                detail: "this Idempotency-Key was sent before with a different request; use a new key for a new request",
                kind: .idempotencyKeyReused)
        case .inProgress:
            throw Problem(
                status: .conflict, title: "Request in progress",
                detail: "a request with this Idempotency-Key is being worked on; retry after it has been answered", kind: .idempotencyKeyInUse)
        case .claimed:
            do {
                let reply = try await work()
                let headers = reply.headers.map { [$0.name.rawName, $0.value] }
                try await service.completeIdempotencyKey(
                    key, reply: StoredReply(status: Int(reply.status.code), headers: headers, body: reply.body), by: principal)
                return reply
            } catch {
                try? await service.releaseIdempotencyKey(key, by: principal)
                throw error
            }
        }
    }

    /// `406` unless the caller accepts JSON (problems are JSON too) or one of the operation's types.
    private static func checkAccept(_ request: Request, offering types: Set<String>) throws(Problem) {
        guard let accept = request.headers[.accept], !accept.isEmpty else { return }
        let ranges = accept.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
        let offered = types.union(["application/problem+json"])
        let acceptable = ranges.contains { range in
            range == "*/*" || offered.contains(range)
                || offered.contains { $0.hasPrefix(range.replacingOccurrences(of: "*", with: "")) && range.hasSuffix("/*") }
        }
        guard acceptable else {
            throw Problem(
                status: .notAcceptable, title: "Not acceptable",
                detail: "this operation answers with \(types.sorted().joined(separator: ", ")); the Accept header allows none of them")
        }
    }

    /// Declared query parameters must have the declared shape; others are ignored.
    private func checkQuery(_ request: Request, _ operation: APIOperation) throws(Problem) {
        var problems: [FieldProblem] = []
        for parameter in operation.parameters where parameter.location == .query {
            guard let text = request.uri.queryParameters[parameter.name[...]].map(String.init) else {
                if parameter.required { problems.append(FieldProblem(field: parameter.name, detail: "is required")) }
                continue
            }
            let value: JSONInput
            switch parameter.schema {
            case .integer, .nullable(.integer):
                guard let number = Int64(text) else {
                    problems.append(FieldProblem(field: parameter.name, detail: "'\(text)' is not a whole number"))
                    continue
                }
                value = .integer(number)
            case .boolean:
                guard text == "true" || text == "false" else {
                    problems.append(FieldProblem(field: parameter.name, detail: "'\(text)' is not true or false"))
                    continue
                }
                value = .bool(text == "true")
            default: value = .string(text)
            }
            problems += parameter.schema.problems(in: value, at: parameter.name, components: components)
        }
        guard problems.isEmpty else {
            let summary = problems.map { "\($0.field) \($0.detail)" }.joined(separator: "; ")
            throw Problem(status: .badRequest, title: "Bad query", detail: "the query parameters are wrong: \(summary)", errors: problems)
        }
    }

    /// The body, read up to the operation's limit and checked against its media type and schema.
    private func readBody(_ request: Request, _ context: DebriefRequestContext, _ operation: APIOperation) async throws -> (Data?, JSONInput?) {
        guard let declared = operation.body else { return (nil, nil) }
        let mediaType =
            (request.headers[.contentType] ?? "").split(separator: ";")[...].first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
        let accepted: [String]
        let limit: Int
        var schema: JSONSchema?
        switch declared {
        case .json(let body, let bodyLimit):
            (accepted, limit, schema) = (["application/json"], bodyLimit, body)
        case .mergePatch(let body):
            (accepted, limit, schema) = (["application/merge-patch+json", "application/json"], APIOperation.jsonLimit, body)
        case .document(let types, let bodyLimit, _):
            (accepted, limit) = (types, bodyLimit)
        }
        guard accepted.contains(mediaType) else {
            throw Problem(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "send the body as \(accepted.joined(separator: " or ")), not '\(mediaType.isEmpty ? "nothing" : mediaType)'")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Problem(
                status: .contentTooLarge, title: "Too large",
                detail: "this operation accepts bodies of up to \(limit / 1024) KB; send less", kind: .tooLarge)
        }
        let data = Data(buffer: buffer)
        guard let schema else { return (data, nil) }
        return (data, try Self.checkedJSON(data, schema: schema, components: components))
    }

    /// A JSON body read and checked against `schema`: a 400 when it is not JSON, a 422 listing
    /// every field its schema refuses.
    static func checkedJSON(_ data: Data, schema: JSONSchema, components: [String: JSONSchema]) throws(Problem) -> JSONInput {
        guard !data.isEmpty else { throw Problem.badRequest("this operation needs a JSON body") }
        let json: JSONInput
        do {
            json = try JSONInput(parsing: data)
        } catch {
            throw Problem.badRequest("the body is not JSON: \(error)")
        }
        let problems = schema.problems(in: json, components: components)
        guard problems.isEmpty else { throw Problem.validation(problems) }
        return json
    }
}

extension HTTPRequest.Method {
    /// The safe, body-carrying QUERY method (an HTTP draft) that clients are starting to send.
    static let query = HTTPRequest.Method("QUERY")!
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
    static let link = HTTPField.Name("Link")!
    static let deprecation = HTTPField.Name("Deprecation")!
}
