import Foundation

/// A token bucket: up to `capacity` actions at once, refilled at `perSecond`. Pure, so the server's
/// rate limit is tested without clocks.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    public let perSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date

    public init(capacity: Double, perSecond: Double, now: Date) {
        self.capacity = capacity
        self.perSecond = perSecond
        self.tokens = capacity
        self.updatedAt = now
    }

    /// Takes one token if there is one; otherwise says how many seconds until there will be.
    public mutating func take(now: Date) -> TimeInterval? {
        tokens = min(capacity, tokens + max(0, now.timeIntervalSince(updatedAt)) * perSecond)
        updatedAt = now
        guard tokens >= 1 else { return (1 - tokens) / perSecond }
        tokens -= 1
        return nil
    }

    /// Whether it has refilled completely by `now`, so forgetting it changes nothing.
    public func isFull(at now: Date) -> Bool {
        tokens + max(0, now.timeIntervalSince(updatedAt)) * perSecond >= capacity
    }
}
