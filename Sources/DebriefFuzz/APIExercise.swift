import DebriefCore
import DebriefServer
import DebriefStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded

/// A small pipeline in an in-memory database and the app's router over it, with an admin's access
/// token: the `api` target sends each input as the body of every operation that reads JSON, so it
/// goes through the same middleware, contract checks, typed decoding, domain rules and store writes
/// as a request the server is sent.
final class APIExercise: Sendable {
    /// What one body got from each operation: `"POST /api/v1/candidates"` to its status.
    typealias Answers = [String: HTTPResponse.Status]

    private let responder: RouterResponder<DebriefRequestContext>
    private let token: String
    /// The id each path parameter is given: records of the pipeline, never the admin themself.
    private let ids: [String: Int64]
    private let logger: Logger
    /// The loop every request's channel runs on; a testing loop may be used from any thread.
    private let loop = NIOAsyncTestingEventLoop()

    private static let rubricPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Rubrics/backend-engineer.yaml").standardized.path

    init() async throws {
        let store = try AppDatabase.inMemory()
        let local = Principal.localOperator(named: "fuzz")
        let rubric = try RubricDecoder.decode(yaml: String(contentsOfFile: Self.rubricPath, encoding: .utf8), file: "backend-engineer.yaml")
        let admin = try await store.addUser(User(name: "Ada Admin", email: EmailAddress("admin@fuzz.example"), role: .admin), by: local)
        let interviewer = try await store.addUser(User(name: "Ines", email: EmailAddress("ines@fuzz.example"), role: .interviewer), by: local)
        _ = try await store.addUser(User(name: "Riley", email: EmailAddress("riley@fuzz.example"), role: .recruiter), by: local)
        let position = try await store.addPosition(Position(title: "Backend Engineer", rubricID: rubric.id), by: local)
        let candidate = try await store.addCandidate(
            Candidate(name: "Grace", email: EmailAddress("grace@example.com"), phone: nil, source: "referral"), by: local)
        let round = try await store.scheduleRound(
            Round(
                candidateID: candidate.id!, positionID: position.id!, kind: .technical, scheduledAt: Date(timeIntervalSince1970: 1_800_000_000),
                interviewerIDs: [interviewer.id!]),
            rubric: rubric, by: local)
        token = try await store.issueAccessToken(to: admin.email, label: "fuzz", lifetime: 30 * 86_400, by: local).token.secret
        ids = ["candidate": candidate.id!, "position": position.id!, "round": round.id!, "user": interviewer.id!]
        // Low bcrypt cost and no write limit: a fuzzing run sends every operation thousands of bodies.
        let options = DebriefApplication.Options(
            rubrics: RubricCatalog(rubrics: [rubric]), passwordCost: 4, version: "fuzz", writesPerMinute: 1_000_000_000)
        responder = DebriefApplication.router(database: store, options: options).buildResponder()
        var logger = Logger(label: "debrief-fuzz")
        logger.logLevel = .critical
        // The server's request ids come from its logger's metadata, as Hummingbird sets it per request.
        logger[metadataKey: "hb.request.id"] = "fuzz"
        self.logger = logger
    }

    /// Sends `body` to every operation that reads JSON and returns what each answered. A server
    /// error (5xx) is a finding: the fuzzer stops on it, naming the operation.
    func send(_ body: Data) async -> Answers {
        var answers: Answers = [:]
        for operation in APIBodyOperations.all {
            var path = operation.path
            for name in operation.pathParameters { path = path.replacingOccurrences(of: "{\(name)}", with: String(ids[name] ?? 1)) }
            var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json", .accept: "application/json"]
            if operation.needsIfMatch { headers[.ifMatch] = "*" }
            let request = Request(
                head: HTTPRequest(method: operation.method, scheme: "http", authority: "localhost", path: path, headerFields: headers),
                body: RequestBody(buffer: ByteBuffer(bytes: body)))
            // A testing channel, which any thread may use: the responder resumes on whichever
            // thread its awaits end on, and an EmbeddedChannel warns (and will trap, in later NIO
            // versions) when used off the thread that made it. A channel and its pipeline hold each
            // other until the channel is finished: left open, each request kept about 5 KB alive.
            let channel = NIOAsyncTestingChannel(loop: loop)
            let context = DebriefRequestContext(source: .init(channel: channel, logger: logger))
            let status: HTTPResponse.Status
            do {
                status = try await responder.respond(to: request, context: context).status
            } catch let error as any HTTPResponseError {
                status = error.status
            } catch {
                fatalError("api: \(operation.method) \(path) threw past the error mapping: \(error)")
            }
            _ = try? await channel.finish()
            let name = "\(operation.method) \(operation.path)"
            if status.code >= 500 { fatalError("api: \(name) answered \(status.code) to this body") }
            answers[name] = status
        }
        return answers
    }

    /// The exercise every input of a run shares, set up on first use.
    static var shared: APIExercise {
        get async { await SharedExercise.instance.value }
    }
}

/// Sets the shared exercise up once, however many inputs ask for it at once.
private enum SharedExercise {
    static let instance = Task<APIExercise, Never> {
        do { return try await APIExercise() } catch { fatalError("api: cannot set up the pipeline: \(error)") }
    }
}
