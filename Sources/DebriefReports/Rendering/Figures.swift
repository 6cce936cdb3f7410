import DebriefCore
import Foundation

/// Numbers as reports print them.
public enum Figures {
    /// Two decimals, or an en dash for an undefined figure.
    public static func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return FixedPoint.text(value, decimals: decimals)
    }

    /// A count with thousands separated, `20,000`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A share as a whole percentage.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// A date and time in UTC, the same on every machine: `2026-09-22 14:13 UTC`.
    public static func dateTime(_ date: Date) -> String {
        // `CivilTime`'s fields (the years 1600 to 9999), as the store's timestamps are written; the
        // C library's calendar outside them.
        guard let time = CivilTime(date, wholeSeconds: true) else {
            let t = utc(date)
            return String(format: "%04d-%02d-%02d %02d:%02d UTC", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        time.appendDateAndTime(separator: UInt8(ascii: " "), seconds: false, to: &bytes)
        bytes.append(contentsOf: " UTC".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Broken-down UTC time from the C library: far cheaper per call than Foundation's formatters.
    private static func utc(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return parts
    }

    /// Krippendorff's own reading of alpha (2004): reliable from 0.8, tentative from 0.667.
    public static func readAlpha(_ alpha: Double?) -> String {
        guard let alpha else { return "not enough overlapping ratings to judge agreement" }
        if alpha >= 0.8 { return "good agreement: interviewers rate the same candidates alike" }
        if alpha >= 0.667 { return "tentative agreement: usable, but discuss the outliers" }
        if alpha > 0 { return "poor agreement: interviewers often disagree, so treat single scores with caution" }
        return "no agreement beyond chance: the ratings say more about the interviewer than the candidate"
    }
}
