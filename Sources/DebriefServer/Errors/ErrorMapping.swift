import DebriefCore
import DebriefImport
import DebriefReports
import DebriefService
import DebriefStore
import Hummingbird
import NIOCore

/// Turns whatever a route threw into the `Problem` the client sees: the one place that decides
/// HTTP status codes for Debrief's typed errors. Details of unexpected failures go to the log,
/// never to the client.
struct ErrorMapping: RouterMiddleware {
    typealias Context = DebriefRequestContext

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw Self.problem(for: error, context: context)
        }
    }

    static func problem(for error: any Error, context: DebriefRequestContext) -> any HTTPResponseError {
        switch error {
        case let problem as Problem:
            return problem
        case let error as StoreError:
            return problem(for: error, context: context)
        case let error as ReportError:
            if case .candidateNotInPosition = error { return Problem.notFound(error.description) }
            context.logger.error("report failed: \(error.description)")
            return Problem(status: .unprocessableContent, title: "Report cannot be built", detail: error.description)
        case let error as ServiceError:
            if case .rubricsUnavailable = error {
                context.logger.error("rubrics unavailable: \(error.description)")
                return Problem(status: .serviceUnavailable, title: "Rubrics unavailable", detail: "the rubrics could not be read; the log says why")
            }
            if case .forbidden(let reason) = error { return Problem(status: .forbidden, title: "Not allowed", detail: reason) }
            if case .busy(let what, let seconds) = error {
                context.logger.notice("refused a \(what): heavy-work limits reached")
                return Problem(
                    status: .serviceUnavailable, title: "Busy", detail: error.description, headers: [.retryAfter: String(seconds)], kind: .unavailable
                )
            }
            return Problem(status: .unprocessableContent, title: "Refused", detail: error.description)
        case let error as FieldError:
            return Problem.badRequest(error.description)
        case let error as ImportError:
            // A page the importer cannot use is the sender's to fix: what it is and why, never a 5xx.
            if case .tooLarge = error { return Problem(status: .contentTooLarge, title: "Too large", detail: error.description) }
            return Problem(status: .unprocessableContent, title: "Cannot import this page", detail: error.description)
        case let error as HTTPError:
            // Hummingbird's own: an unknown route, a body too large, a missing parameter
            let detail = error.body ?? (error.status == .notFound ? "there is nothing at this address" : error.status.reasonPhrase)
            return Problem(status: error.status, title: error.status.reasonPhrase, detail: detail)
        case is NIOTooManyBytesError:
            return Problem(
                status: .contentTooLarge, title: "Too large",
                detail: "the form sent more than Debrief accepts (\(context.maxUploadSize / 1024) KB); shorten the text and send it again")
        case let error as HTTPResponseError:
            return error
        default:
            context.logger.error("unexpected failure: \(String(describing: error))")
            return Problem(status: .internalServerError, title: "Internal error", detail: "something went wrong on the server; the log says what")
        }
    }

    private static func problem(for error: StoreError, context: DebriefRequestContext) -> Problem {
        switch error {
        case .notFound: return .notFound(error.description)
        case .duplicate: return Problem(status: .conflict, title: "Already exists", detail: error.description, kind: .duplicate)
        case .invalid, .sheetRejected: return .badRequest(error.description)
        case .stale: return Problem(status: .preconditionFailed, title: "Changed since read", detail: error.description)
        case .constraint, .brokenReference: return Problem(status: .unprocessableContent, title: "Refused", detail: error.description)
        case .unavailable(let reason):
            context.logger.error("database cannot take changes: \(reason)")
            return Problem(
                status: .serviceUnavailable, title: "Database unavailable",
                detail: "the server cannot write to its database right now; nothing of this change was stored. Try again in a minute",
                headers: [.retryAfter: "60"], kind: .unavailable)
        case .notADebriefDatabase, .newerSchema, .cannotOpen, .database:
            context.logger.error("database failure: \(error.description)")
            return Problem(status: .serviceUnavailable, title: "Database unavailable", detail: "the database could not be used; the log says why")
        }
    }
}
