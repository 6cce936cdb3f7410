import Foundation

/// Dates written as ISO 8601, with or without a time and zone (UTC when none is given).
public enum ISO8601 {
    /// Reads `2026-12-01T14:30:00Z`, `2026-12-01T14:30:00+02:00`, `2026-12-01T14:30`, `2026-12-01 14:30` or `2026-12-01`.
    /// A time without a zone is read in `timeZone` (UTC by default): a form's date and time field
    /// and its time-zone choice.
    public static func parse(_ text: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        for pattern in [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ] {
            formatter.dateFormat = pattern
            if let date = formatter.date(from: text.trimmingWhitespace()) { return date }
        }
        return nil
    }

    /// `date` in UTC to the second below, `2026-09-22T14:13:05Z`: how the JSON, and CSV's
    /// machine-readable columns, write dates.
    public static func utcSeconds(_ date: Date) -> String { ISO8601Text.string(date) }

    /// `date` as a form's `datetime-local` value (`2026-12-01T14:30`) in `timeZone`.
    public static func localMinutes(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    /// A time zone a person picked by its IANA name (`Europe/Berlin`, `UTC`), or a field error.
    public static func timeZone(named name: String) throws(FieldError) -> TimeZone {
        guard let zone = TimeZone(identifier: name.trimmingWhitespace()), !name.trimmingWhitespace().isEmpty else {
            throw FieldError(field: "time zone", "'\(name)' is not a time zone; use a name such as Europe/Berlin, America/New_York or UTC")
        }
        return zone
    }
}
