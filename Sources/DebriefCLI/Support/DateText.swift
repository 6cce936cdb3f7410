import DebriefCore
import Foundation

/// Dates as the CLI reads and writes them: ISO 8601, UTC unless a zone is given.
enum DateText {
    /// `2026-12-01T14:30:00Z` in UTC.
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Reads what `ISO8601.parse` reads, or explains the form it wants.
    static func parse(_ text: String) throws -> Date {
        guard let date = ISO8601.parse(text) else {
            throw CLIError("'\(text)' is not a date and time; use ISO 8601 such as 2026-12-01T14:30Z (UTC when no zone is given)")
        }
        return date
    }
}
