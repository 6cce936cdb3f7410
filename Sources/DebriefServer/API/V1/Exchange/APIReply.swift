import DebriefCore
import DebriefService
import Foundation
import HTTPTypes
import Hummingbird

/// What an API operation answers, held whole before it is sent: so its `ETag` can be computed, a
/// conditional GET answered with `304`, and the reply to an `Idempotency-Key` remembered.
struct APIReply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var payload: Payload

    /// What the reply carries: bytes of its own, or a kept rendering sent from `RenderedBodies`.
    enum Payload: Sendable {
        case bytes(Data)
        case rendered(RenderedReport)
    }

    init(status: HTTPResponse.Status, headers: HTTPFields, body: Data) {
        self.init(status: status, headers: headers, payload: .bytes(body))
    }

    init(status: HTTPResponse.Status, headers: HTTPFields, payload: Payload) {
        self.status = status
        self.headers = headers
        self.payload = payload
    }

    /// The body as sent without content coding (what an `Idempotency-Key` remembers).
    var body: Data {
        switch payload {
        case .bytes(let data): data
        case .rendered(let rendered): Data(rendered.text.utf8)
        }
    }

    /// `value` as the API's JSON (snake_case keys, ISO 8601 UTC dates, nulls kept), with its ETag.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> APIReply {
        json(encoded: try JSONText.data(compact: value), status: status, location: location)
    }

    /// The same for a value already encoded by `JSONText` (compact): a stored scorecard's JSON,
    /// written once for its audit event and sent as it is.
    static func json(encoded body: Data, status: HTTPResponse.Status = .ok, location: String? = nil) -> APIReply {
        var headers: HTTPFields = [.contentType: "application/json", .eTag: etag(of: body)]
        if let location { headers[.location] = location }
        return APIReply(status: status, headers: headers, body: body)
    }

    /// A JSON document whose keys are written as they are (the OpenAPI contract).
    static func json(document: JSONValue) throws -> APIReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(document)
        return APIReply(status: .ok, headers: [.contentType: "application/json", .eTag: etag(of: body)], body: body)
    }

    /// A document that is not JSON (a report as CSV, Markdown or HTML).
    static func document(_ text: String, mediaType: String) -> APIReply {
        document(RenderedReport(text: text), mediaType: mediaType)
    }

    /// A rendered report, tagged by the digest worked out when it was rendered; sent gzip-compressed
    /// to a client that accepts it (a tag of its own, `Vary: Accept-Encoding`).
    static func document(_ rendered: RenderedReport, mediaType: String) -> APIReply {
        APIReply(
            status: .ok, headers: [.contentType: mediaType, .eTag: etag(digest: rendered.digest), .vary: "Accept-Encoding"],
            payload: .rendered(rendered))
    }

    /// The entity tag of a record or list: a strong tag over its exact JSON, so two readings are equal
    /// exactly when the bytes are.
    static func etag(of value: some Encodable) throws -> String {
        etag(of: try JSONText.data(compact: value))
    }

    private static func etag(of body: Data) -> String {
        etag(digest: SHA256.hex(of: [UInt8](body)))
    }

    /// A strong tag: the first 128 bits of the body's SHA-256, and the content coding when it is sent in one.
    private static func etag(digest: String, coding: String? = nil) -> String {
        "\"" + String(digest.prefix(32)) + (coding.map { "-" + $0 } ?? "") + "\""
    }

    /// The HTTP response; a GET whose `If-None-Match` names the current tag gets `304` and no body.
    func response(for request: Request) throws -> Response {
        var headers = headers
        let buffer: ByteBuffer
        switch payload {
        case .bytes(let data):
            buffer = ByteBuffer(bytes: data)
        case .rendered(let rendered) where AcceptEncoding.acceptsGzip(request.headers[.acceptEncoding]):
            buffer = try RenderedBodies.shared.gzip(of: rendered)
            headers[.contentEncoding] = "gzip"
            // Another representation, so another strong tag (RFC 9110 §8.8.3).
            headers[.eTag] = Self.etag(digest: rendered.digest, coding: "gzip")
        case .rendered(let rendered):
            buffer = RenderedBodies.shared.identity(of: rendered)
        }
        if request.method == .get || request.method == .head, status == .ok, let tag = headers[.eTag],
            let wanted = request.headers[.ifNoneMatch], Self.matches(wanted, tag)
        {
            var fields: HTTPFields = [.eTag: tag]
            if let cache = headers[.cacheControl] { fields[.cacheControl] = cache }
            if let vary = headers[.vary] { fields[.vary] = vary }
            return Response(status: .notModified, headers: fields)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// Whether an `If-None-Match` or `If-Match` list (`"a", W/"b"` or `*`) names `tag`.
    static func matches(_ list: String, _ tag: String) -> Bool {
        list.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == tag || trimmed == "W/" + tag
        }
    }
}
