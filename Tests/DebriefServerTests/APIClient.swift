import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DebriefServer

/// Calls to `/api/v1` in the tests, with every JSON answer checked against the contract's schema
/// for its operation and status: a response outside the contract fails the test that got it.
struct APIClient {
    let client: any TestClientProtocol
    let token: AccessToken

    struct Answer {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let text: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    }

    func call(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers extra: HTTPFields = [:],
        contentType: String = "application/json"
    ) async throws -> Answer {
        try await send(method, uri, body: json.map { ByteBuffer(string: $0) }, contentType: contentType, headers: extra)
    }

    /// Any body of any media type (pages, sheets, multipart uploads).
    func send(
        _ method: HTTPRequest.Method, _ uri: String, body: ByteBuffer?, contentType: String, headers extra: HTTPFields = [:]
    ) async throws -> Answer {
        var headers = Headers.bearer(token)
        if body != nil { headers[.contentType] = contentType }
        for field in extra { headers[field.name] = field.value }
        let answer = try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Answer(status: response.status, headers: response.headers, text: response.body.text)
        }
        Self.checkAgainstContract(method, uri, answer)
        return answer
    }

    /// The operation that serves `uri`, by matching its path against the declared templates.
    static func operation(_ method: HTTPRequest.Method, _ uri: String) -> APIOperation? {
        let path = uri.split(separator: "?")[0].split(separator: "/")
        let operations = APIVersion1.operations(DebriefServiceStub.service, version: "test")
        let matching = operations.filter { operation in
            let template = operation.path.split(separator: "/")
            return operation.method == method && template.count == path.count
                && zip(template, path).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        // A literal segment beats a parameter (`/question-sets/import` over `/question-sets/{set}`).
        return matching.max { $0.path.filter { $0 == "{" }.count > $1.path.filter { $0 == "{" }.count }
    }

    static func checkAgainstContract(_ method: HTTPRequest.Method, _ uri: String, _ answer: Answer) {
        guard let operation = operation(method, uri) else {
            Issue.record("\(method) \(uri) is not an operation of the contract")
            return
        }
        let type = answer.headers[.contentType] ?? ""
        if answer.status.code >= 400 {
            #expect(type == "application/problem+json", "\(method) \(uri): a \(answer.status.code) must be problem JSON")
            check(answer.text, against: .ref("Problem"), "\(method) \(uri) \(answer.status.code)")
            return
        }
        guard answer.status.code != 304 else { return }
        guard let outcome = operation.outcomes.first(where: { $0.status == answer.status }) else {
            Issue.record("\(method) \(uri) answered \(answer.status.code), which its operation does not document")
            return
        }
        if type.hasPrefix("application/json"), let schema = outcome.schema { check(answer.text, against: schema, "\(method) \(uri)") }
    }

    private static func check(_ text: String, against schema: JSONSchema, _ what: String) {
        guard let value = try? JSONInput(parsing: Data(text.utf8)) else {
            Issue.record("\(what): the body is not JSON: \(text.prefix(200))")
            return
        }
        let problems = schema.problems(in: value, components: APISchemas.components)
        #expect(problems.isEmpty, "\(what) breaks its schema: \(problems.prefix(5)) in \(text.prefix(300))")
    }
}

/// A service over an empty database, for reading the operations' declarations.
enum DebriefServiceStub {
    static let service = DebriefService(database: try! AppDatabase.inMemory(), rubrics: nil)
}
