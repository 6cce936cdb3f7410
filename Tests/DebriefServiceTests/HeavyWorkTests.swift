import Foundation
import Testing

@testable import DebriefService

@Suite("Heavy work within limits")
struct HeavyWorkTests {
    private static let megabyte = 1_048_576

    /// Starts `megabytes` of work on `gate` that runs until `release` is called, and waits until it runs.
    private func hold(_ gate: HeavyWorkGate, megabytes: Int) async throws -> (release: @Sendable () -> Void, done: Task<Void, any Error>) {
        let (started, startedWriter) = AsyncStream<Void>.makeStream()
        let (release, releaseWriter) = AsyncStream<Void>.makeStream()
        let done = Task {
            try await gate.run("held", estimatedBytes: megabytes * Self.megabyte) {
                startedWriter.yield()
                for await _ in release { break }
            }
        }
        for await _ in started { break }
        return ({ releaseWriter.yield() }, done)
    }

    private func refused(_ gate: HeavyWorkGate, megabytes: Int) async -> ServiceError? {
        do {
            try await gate.run("report", estimatedBytes: megabytes * Self.megabyte) {}
            return nil
        } catch {
            return error as? ServiceError
        }
    }

    @Test("beside running work, more is refused past the count or the memory budget, and light work never is")
    func admission() async throws {
        let gate = HeavyWorkGate(limits: HeavyWorkLimits(concurrent: 2, memoryBudget: 100 * Self.megabyte, lightBelow: 10 * Self.megabyte))
        let first = try await hold(gate, megabytes: 60)
        #expect(await refused(gate, megabytes: 50) == .busy("report", retryAfter: HeavyWorkGate.retryAfter), "60 + 50 MB is past 100 MB")
        #expect(await refused(gate, megabytes: 40) == nil, "60 + 40 MB fits")
        let second = try await hold(gate, megabytes: 20)
        #expect(await refused(gate, megabytes: 15) == .busy("report", retryAfter: HeavyWorkGate.retryAfter), "a third job is past the count")
        #expect(await refused(gate, megabytes: 9) == nil, "light work is not counted")
        #expect(gate.refused == 2)
        first.release()
        try await first.done.value
        #expect(await refused(gate, megabytes: 80) == nil, "what finished is given back")
        second.release()
        try await second.done.value
    }

    @Test("one job alone runs however large, and a job that throws gives its share back")
    func aloneAndThrowing() async throws {
        let gate = HeavyWorkGate(limits: HeavyWorkLimits(concurrent: 1, memoryBudget: 64 * Self.megabyte, lightBelow: 0))
        #expect(await refused(gate, megabytes: 5_000) == nil)
        struct Failure: Error {}
        await #expect(throws: Failure.self) { try await gate.run("import", estimatedBytes: 1) { throw Failure() } }
        #expect(await refused(gate, megabytes: 1) == nil, "the thrown job still held its place")
    }

    @Test("the refusal says what was not started and when to try again")
    func refusalWords() {
        let words = ServiceError.busy("position report", retryAfter: 10).description
        #expect(words.contains("position report") && words.contains("try again in 10 seconds"), "\(words)")
    }
}
