import Foundation
import HTTPTypes
import Hummingbird

/// An error as the client sees it: RFC 9457 problem JSON for the API and scripts, an HTML page for
/// browsers. Every failure a route can meet becomes one of these in `ErrorMapping`, and nowhere else.
struct Problem: HTTPResponseError {
    let status: HTTPResponse.Status
    let title: String
    var detail: String
    /// Browsers are sent to the sign-in page instead of being shown the problem.
    var signInRequired = false
    /// A cookie the response sets: the emptied session cookie, when the one sent signs nobody in.
    var cookie: Cookie?
    /// Headers the response carries besides the problem (`Retry-After` on a 429).
    var headers: HTTPFields = [:]
    /// The kind of problem, as the stable `type` URI names it; by default the one its status means.
    var kind: ProblemKind?
    /// For a body that breaks the contract: each field that is wrong and why.
    var errors: [FieldProblem] = []

    /// The `type` URI: `urn:debrief:problem:` and the kind, stable across releases (see the OpenAPI document).
    var type: String { "urn:debrief:problem:" + (kind ?? ProblemKind(status: status)).rawValue }

    static func validation(_ errors: [FieldProblem]) -> Problem {
        let summary = errors.prefix(3).map { "\($0.field) \($0.detail)" }.joined(separator: "; ")
        return Problem(
            status: .unprocessableContent, title: "Invalid body", detail: "the body breaks the contract: \(summary)", kind: .validation,
            errors: errors)
    }

    /// `clearing` is the cookie that removes a session that no longer signs anyone in.
    static func signInRequired(_ detail: String, clearing: Cookie? = nil) -> Problem {
        Problem(status: .unauthorized, title: "Sign-in required", detail: detail, signInRequired: true, cookie: clearing)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, title: "Not found", detail: detail)
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(status: .badRequest, title: "Bad request", detail: detail)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response: Response
        if Self.wantsJSON(request) {
            response = try Self.json(
                ProblemBody(type: type, title: title, status: Int(status.code), detail: detail, errors: errors.isEmpty ? nil : errors))
            response.status = status
            if signInRequired { response.headers[.wwwAuthenticate] = "Bearer realm=\"Debrief\"" }
        } else if signInRequired && request.method == .get {
            response = Response(status: .seeOther, headers: [.location: SignInPage.path(returningTo: request.uri.path)])
        } else {
            let chrome = PageChrome(
                title: title, principal: (context as? DebriefRequestContext)?.principal,
                proof: (context as? DebriefRequestContext)?.formProof ?? "", path: request.uri.path)
            response = HTMLResponse.page(ErrorPage.render(status: status, title: title, detail: detail, chrome: chrome), status: status)
        }
        if let cookie { response.setCookie(cookie) }
        for field in headers { response.headers[field.name] = field.value }
        return response
    }

    /// The API and any client that does not ask for HTML get JSON.
    static func wantsJSON(_ request: Request) -> Bool {
        if request.uri.path.hasPrefix("/api/") { return true }
        return !(request.headers[.accept] ?? "").contains("text/html")
    }

    private struct ProblemBody: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let errors: [FieldProblem]?
    }

    private static func json(_ body: ProblemBody) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(body)
        return Response(
            status: .ok, headers: [.contentType: "application/problem+json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
