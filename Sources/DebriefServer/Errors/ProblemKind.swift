import HTTPTypes

/// Every kind of problem Debrief answers with: the last part of a problem's `type` URI
/// (`urn:debrief:problem:not-found`). Clients branch on these, so they never change meaning.
enum ProblemKind: String, CaseIterable, Sendable {
    case malformedRequest = "malformed-request"
    case signInRequired = "sign-in-required"
    case forbidden
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case notAcceptable = "not-acceptable"
    case conflict
    case duplicate
    case idempotencyKeyInUse = "idempotency-key-in-use"
    case idempotencyKeyReused = "idempotency-key-reused"
    case preconditionFailed = "precondition-failed"
    case tooLarge = "too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case validation
    case refused
    case preconditionRequired = "precondition-required"
    case rateLimited = "rate-limited"
    case unavailable
    case internalError = "internal-error"

    /// The kind a status means when nothing more particular was said.
    init(status: HTTPResponse.Status) {
        switch status.code {
        case 400: self = .malformedRequest
        case 401: self = .signInRequired
        case 403: self = .forbidden
        case 404: self = .notFound
        case 405: self = .methodNotAllowed
        case 406: self = .notAcceptable
        case 409: self = .conflict
        case 412: self = .preconditionFailed
        case 413: self = .tooLarge
        case 415: self = .unsupportedMediaType
        case 422: self = .refused
        case 428: self = .preconditionRequired
        case 429: self = .rateLimited
        case 503: self = .unavailable
        default: self = status.code >= 500 ? .internalError : .malformedRequest
        }
    }
}
