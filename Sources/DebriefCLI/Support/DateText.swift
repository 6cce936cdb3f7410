import Foundation

/// Dates as the CLI reads and writes them: ISO 8601, UTC unless a zone is given.
enum DateText {
    /// `2026-12-01T14:30:00Z` in UTC.
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Reads `2026-12-01T14:30:00Z`, `2026-12-01T14:30:00+02:00`, `2026-12-01T14:30`, `2026-12-01 14:30` or `2026-12-01`.
    static func parse(_ text: String) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for pattern in [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ] {
            formatter.dateFormat = pattern
            if let date = formatter.date(from: trimmed) { return date }
        }
        throw CLIError("'\(text)' is not a date and time; use ISO 8601 such as 2026-12-01T14:30Z (UTC when no zone is given)")
    }
}
