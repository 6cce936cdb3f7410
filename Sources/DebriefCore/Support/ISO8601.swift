import Foundation

/// Dates written as ISO 8601, with or without a time and zone (UTC when none is given).
public enum ISO8601 {
    /// Reads `2026-12-01T14:30:00Z`, `2026-12-01T14:30:00+02:00`, `2026-12-01T14:30`, `2026-12-01 14:30` or `2026-12-01`.
    public static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for pattern in [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ] {
            formatter.dateFormat = pattern
            if let date = formatter.date(from: text.trimmingWhitespace()) { return date }
        }
        return nil
    }
}
