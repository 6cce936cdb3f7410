/// A question's health as the HTML and Markdown reports and the bank's pages print it.
public enum QuestionHealthReading {
    /// The mean with its interval, `2.90 (2.61–3.19)`, or an en dash.
    public static func mean(_ entry: QuestionHealthReport.QuestionEntry) -> String {
        withInterval(entry.mean, entry.meanInterval)
    }

    /// The corrected item-total correlation with its interval, `0.41 (0.12–0.64)`, or an en dash.
    public static func itemTotal(_ entry: QuestionHealthReport.QuestionEntry) -> String {
        withInterval(entry.itemTotalCorrelation, entry.itemTotalInterval)
    }

    /// An interval as `0.12–0.64`.
    public static func interval(_ interval: QuestionHealthReport.Interval) -> String {
        "\(Figures.number(interval.low))–\(Figures.number(interval.high))"
    }

    private static func withInterval(_ value: Double?, _ range: QuestionHealthReport.Interval?) -> String {
        guard let value else { return "–" }
        return Figures.number(value) + (range.map { " (\(interval($0)))" } ?? "")
    }

    /// The share at the scale's floor and ceiling, `5% / 12%`, or an en dash.
    public static func scaleUse(_ entry: QuestionHealthReport.QuestionEntry) -> String {
        guard let floor = entry.floorShare, let ceiling = entry.ceilingShare else { return "–" }
        return "\(Figures.percent(floor)) / \(Figures.percent(ceiling))"
    }

    /// Every figure in one line, for the bank's pages: `asked 31 · no signal 6% · mean 2.90 (2.61–3.19) · …`.
    public static func line(_ entry: QuestionHealthReport.QuestionEntry) -> String {
        var parts = ["asked \(entry.asked)"]
        if let share = entry.noSignalShare { parts.append("no signal \(Figures.percent(share))") }
        if entry.mean != nil { parts.append("mean \(mean(entry)) on \(entry.scaleMin)–\(entry.scaleMax)") }
        if entry.itemTotalCorrelation != nil { parts.append("tracks its competency r \(itemTotal(entry))") }
        if let alpha = entry.agreement { parts.append("agreement α \(Figures.number(alpha))") }
        return parts.joined(separator: " · ")
    }
}
