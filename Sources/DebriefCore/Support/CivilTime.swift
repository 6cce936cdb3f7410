import Foundation

/// A date's calendar fields in UTC (proleptic Gregorian), to the millisecond as Foundation hands a
/// date to ICU, worked out by arithmetic alone: Foundation's formatters go through ICU, which was a
/// tenth of an API request's cost. For the years 1600 to 9999 only, where ICU's calendar agrees.
public struct CivilTime: Sendable {
    public let year: Int64, month: Int64, day: Int64
    public let hour: Int64, minute: Int64, second: Int64, millisecond: Int64

    /// The fields of `date`, or nil outside the years 1600 to 9999 (ICU's calendar is Julian before
    /// October 1582, so the arithmetic here would differ there). With `wholeSeconds`, the time is
    /// cut to the second below, as Foundation's ISO 8601 formatter writes it.
    public init?(_ date: Date, wholeSeconds: Bool = false) {
        // Foundation hands ICU the milliseconds since 1970 as a double, rounded to the nearest with
        // halves upwards (…882.5 ms before 1970 is …882), not away from zero.
        let seconds = date.timeIntervalSinceReferenceDate + Date.timeIntervalBetween1970AndReferenceDate
        let exact = wholeSeconds ? seconds.rounded(.down) * 1_000 : seconds * 1_000
        let below = exact.rounded(.down)
        let milliseconds = exact - below >= 0.5 ? below + 1 : below
        guard milliseconds.isFinite, abs(milliseconds) < 2.6e14 else { return nil }
        let (days, ofDay) = Self.floorDivision(Int64(milliseconds), 86_400_000)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        guard (1600...9999).contains(year) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (hour, minute, second, millisecond) = (ofDay / 3_600_000, ofDay / 60_000 % 60, ofDay / 1_000 % 60, ofDay % 1_000)
    }

    /// Appends `value` as exactly `digits` decimal digits.
    public static func append(_ value: Int64, digits: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<digits { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends "yyyy-MM-dd", then `separator`, then "HH:mm:ss" ("HH:mm" without `seconds`).
    public func appendDateAndTime(separator: UInt8, seconds: Bool = true, to bytes: inout [UInt8]) {
        Self.append(year, digits: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.append(month, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.append(day, digits: 2, to: &bytes)
        bytes.append(separator)
        Self.append(hour, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(minute, digits: 2, to: &bytes)
        guard seconds else { return }
        bytes.append(UInt8(ascii: ":"))
        Self.append(second, digits: 2, to: &bytes)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A date as JSONEncoder's `.iso8601` strategy writes it ("2026-12-01T09:30:00Z"), without its formatter.
enum ISO8601Text {
    /// `date` in UTC to the second below, `2026-09-22T14:13:05Z`, as Foundation's ISO 8601 formatter writes it.
    static func string(_ date: Date) -> String {
        guard let time = CivilTime(date, wholeSeconds: true) else {
            // Outside the years 1600 to 9999: Foundation's formatter, given the second below, since it
            // rounds a fraction where JSONEncoder cuts it off (…:20.9996 in the year 10209 was :21).
            return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        time.appendDateAndTime(separator: UInt8(ascii: "T"), to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
