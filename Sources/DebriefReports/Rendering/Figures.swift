import Foundation

/// Numbers as reports print them.
public enum Figures {
    /// Two decimals, or an en dash for an undefined figure.
    public static func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A share as a whole percentage.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// A date and time in UTC, the same on every machine: `2026-09-22 14:13 UTC`.
    public static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Krippendorff's own reading of alpha (2004): reliable from 0.8, tentative from 0.667.
    public static func readAlpha(_ alpha: Double?) -> String {
        guard let alpha else { return "not enough overlapping ratings to judge agreement" }
        if alpha >= 0.8 { return "good agreement: interviewers rate the same candidates alike" }
        if alpha >= 0.667 { return "tentative agreement: usable, but discuss the outliers" }
        if alpha > 0 { return "poor agreement: interviewers often disagree, so treat single scores with caution" }
        return "no agreement beyond chance: the ratings say more about the interviewer than the candidate"
    }

    /// Koo and Li's (2016) reading of an intraclass correlation.
    public static func readICC(_ icc: Double?) -> String {
        guard let icc else { return "no complete block of interviewers × candidates to compute it" }
        if icc >= 0.9 { return "excellent" }
        if icc >= 0.75 { return "good" }
        if icc >= 0.5 { return "moderate" }
        return "poor"
    }
}
