import CompressNIO
import DebriefService
import NIOCore
import Synchronization

/// The bytes of rendered reports, kept by the SHA-256 of their text, as sent and gzip-compressed.
///
/// The service keeps a position's rendering between requests; sending it used to copy its text into
/// a `Data` and again into NIO's buffer on every request (two copies of 450 KB for a 300-candidate
/// position). A `ByteBuffer` kept here is sent without a copy, and its gzip form is compressed once,
/// on the first request that accepts it. Keyed by content, so a kept body is always the right one
/// for the text it is asked for; the least recently used go first.
final class RenderedBodies: Sendable {
    /// The one memo of the process: content-addressed, so every server in it may share it.
    static let shared = RenderedBodies(capacity: 16)

    private struct Kept {
        var identity: ByteBuffer
        var gzip: ByteBuffer?
        var lastUsed: UInt64
    }

    private struct State {
        var kept: [String: Kept] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// How many renderings are kept (for tests).
    var keptCount: Int { state.withLock { $0.kept.count } }

    /// The rendering's UTF-8, made once and then shared by every reply.
    func identity(of rendered: RenderedReport) -> ByteBuffer {
        if let kept = touch(rendered.digest) { return kept.identity }
        let bytes = ByteBuffer(string: rendered.text)
        keep(rendered.digest) { $0 = $0 ?? Kept(identity: bytes, gzip: nil, lastUsed: 0) }
        return bytes
    }

    /// The rendering gzip-compressed, compressed once and then shared by every reply.
    func gzip(of rendered: RenderedReport) throws -> ByteBuffer {
        if let compressed = touch(rendered.digest)?.gzip { return compressed }
        var source = identity(of: rendered)
        let compressed = try source.compress(with: .gzip())
        keep(rendered.digest) { kept in kept?.gzip = compressed }
        return compressed
    }

    private func touch(_ digest: String) -> Kept? {
        state.withLock { state in
            guard state.kept[digest] != nil else { return nil }
            state.clock += 1
            state.kept[digest]?.lastUsed = state.clock
            return state.kept[digest]
        }
    }

    private func keep(_ digest: String, _ change: (inout Kept?) -> Void) {
        state.withLock { state in
            state.clock += 1
            change(&state.kept[digest])
            state.kept[digest]?.lastUsed = state.clock
            if state.kept.count > capacity, let oldest = state.kept.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                state.kept[oldest] = nil
            }
        }
    }
}
