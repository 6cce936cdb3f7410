import DebriefCore
import DebriefStore

/// `Idempotency-Key`s are kept per caller: one person's key never answers another's request.
extension DebriefService {
    /// Claims `key` for the principal's request; see `AppDatabase.claimIdempotencyKey`.
    public func claimIdempotencyKey(_ key: String, requestHash: String, by principal: Principal) async throws -> IdempotencyClaim {
        try await database.claimIdempotencyKey(key, caller: Self.caller(principal), requestHash: requestHash)
    }

    /// Remembers the reply to the principal's claimed request.
    public func completeIdempotencyKey(_ key: String, reply: StoredReply, by principal: Principal) async throws {
        try await database.completeIdempotencyKey(key, caller: Self.caller(principal), reply: reply)
    }

    /// Lets the principal retry a request that failed with the same key.
    public func releaseIdempotencyKey(_ key: String, by principal: Principal) async throws {
        try await database.releaseIdempotencyKey(key, caller: Self.caller(principal))
    }

    private static func caller(_ principal: Principal) -> String {
        principal.userID.map { "user:\($0)" } ?? principal.label
    }
}
