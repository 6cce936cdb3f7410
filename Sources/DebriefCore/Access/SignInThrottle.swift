import Foundation

/// When sign-in attempts are refused to stop guessing: after 5 failures for one account or 20
/// from one client address within 15 minutes, further attempts wait 15 minutes after the last one.
public enum SignInThrottle {
    public static let window: TimeInterval = 15 * 60
    public static let lockout: TimeInterval = 15 * 60
    public static let perAccount = 5
    public static let perClient = 20

    /// How long the next attempt must wait, or nil when it may go ahead. `accountFailures` and
    /// `clientFailures` are the times of failed attempts within `window` (or longer) before `now`.
    public static func retryAfter(accountFailures: [Date], clientFailures: [Date], now: Date) -> TimeInterval? {
        func wait(_ failures: [Date], limit: Int) -> TimeInterval? {
            let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
            guard recent.count >= limit, let last = recent.last else { return nil }
            let remaining = lockout - now.timeIntervalSince(last)
            return remaining > 0 ? remaining : nil
        }
        let waits = [wait(accountFailures, limit: perAccount), wait(clientFailures, limit: perClient)].compactMap { $0 }
        return waits.max()
    }
}

/// How long a browser session lasts: it ends after 12 hours without use, and 7 days after sign-in whatever happens.
public enum SessionLifetime {
    public static let idle: TimeInterval = 12 * 3_600
    public static let absolute: TimeInterval = 7 * 86_400
    /// An invite link to set a password is valid this long.
    public static let invite: TimeInterval = 72 * 3_600
}
