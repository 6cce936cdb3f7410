import DebriefCore
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Limits writes (every method but GET and HEAD, sign-in included) per caller: a signed-in person or
/// token by who they are, anyone else by client address. Over the limit is `429` with `Retry-After`.
/// Runs after `Authenticator`, so it knows who is asking.
struct WriteRateLimit: RouterMiddleware {
    typealias Context = DebriefRequestContext

    /// Writes a caller may make in a burst, and per minute after it.
    let perMinute: Int
    private let buckets = Buckets()
    /// Past this many callers remembered, the full buckets are forgotten.
    private static let remembered = 10_000

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    func handle(
        _ request: Request, context: DebriefRequestContext, next: (Request, DebriefRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let caller = context.principal.map { "principal:\($0.label)" } ?? "client:\(context.clientAddress)"
        let now = Date()
        let capacity = Double(perMinute)
        let wait: TimeInterval? = buckets.state.withLock { buckets in
            if buckets.count > Self.remembered { buckets = buckets.filter { !$0.value.isFull(at: now) } }
            var bucket = buckets[caller] ?? TokenBucket(capacity: capacity, perSecond: capacity / 60, now: now)
            let wait = bucket.take(now: now)
            buckets[caller] = bucket
            return wait
        }
        if let wait {
            let seconds = Int(wait.rounded(.up))
            throw Problem(
                status: .tooManyRequests, title: "Too many requests",
                detail: "more than \(perMinute) changes a minute; try again in \(seconds) seconds", headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}

/// The buckets of every caller, shared by the requests the middleware sees.
private final class Buckets: Sendable {
    let state = Mutex<[String: TokenBucket]>([:])
}
