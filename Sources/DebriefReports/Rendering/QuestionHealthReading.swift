/// A question's health as the HTML and Markdown reports and the bank's pages print it.
public enum QuestionHealthReading {
    /// The mean with its interval, `2.90 (2.61–3.19)`, or an en dash.
    public static func mean(_ entry: QuestionHealthReport.QuestionEntry) -> String {
        guard let mean = entry.mean else { return "–" }
        return Figures.number(mean) + (entry.meanInterval.map { " (\(Figures.number($0.low))–\(Figures.number($0.high)))" } ?? "")
    }

    /// The corrected item-total correlation with its interval, `0.41 (0.12–0.64)`, or an en dash.
    public static func itemTotal(_ entry: QuestionHealthReport.QuestionEntry) -> String {
        guard let r = entry.itemTotalCorrelation else { return "–" }
        return Figures.number(r) + (entry.itemTotalInterval.map { " (\(Figures.number($0.low))–\(Figures.number($0.high)))" } ?? "")
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
