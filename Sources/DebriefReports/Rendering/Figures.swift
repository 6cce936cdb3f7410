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
        let t = utc(date)
        let year = Int(t.tm_year) + 1900
        guard year >= 0 else {
            return String(format: "%04d-%02d-%02d %02d:%02d UTC", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min)
        }
        let day = "\(padded(year, 4))-\(padded(Int(t.tm_mon) + 1, 2))-\(padded(Int(t.tm_mday), 2))"
        return "\(day) \(padded(Int(t.tm_hour), 2)):\(padded(Int(t.tm_min), 2)) UTC"
    }

    /// `value` (not negative) with leading zeros to `width` digits, as `%0Nd` writes it.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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
