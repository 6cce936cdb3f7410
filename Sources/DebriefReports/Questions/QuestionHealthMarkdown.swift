/// The question-health report as Markdown.
public enum QuestionHealthMarkdown {
    public static func render(_ report: QuestionHealthReport) -> String {
        var lines = ["# \(QuestionHealthHTML.title(report))", "", QuestionHealthHTML.summary(report), ""]
        if !report.questions.isEmpty {
            lines += [
                "| # | Question | Set | Asked | No signal | Mean (95%) | SD | Floor / ceiling | Tracks competency r (95%) | Agreement α | Flags |",
                "|---:|---|---|---:|---:|---|---:|---:|---|---:|---|",
            ]
            for entry in report.questions {
                let cells = [
                    "\(entry.id)", Escape.markdown(entry.text), Escape.markdown("\(entry.setTitle) v\(entry.setVersion)"), "\(entry.asked)",
                    Figures.percent(entry.noSignalShare), QuestionHealthReading.mean(entry), Figures.number(entry.standardDeviation),
                    QuestionHealthReading.scaleUse(entry), QuestionHealthReading.itemTotal(entry), Figures.number(entry.agreement),
                    entry.flags.joined(separator: "; "),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
            let noted = report.questions.filter { !$0.notes.isEmpty }
            if !noted.isEmpty {
                lines += ["## Why some figures are missing", ""]
                lines += noted.map { "- #\($0.id): " + $0.notes.map(Escape.markdown).joined(separator: "; ") }
                lines.append("")
            }
        }
        lines += ["## How to read it", ""] + QuestionHealthHTML.guide(report).map { "- \($0)" } + [""]
        if !report.notes.isEmpty { lines += ["## Notes", ""] + report.notes.map { "- \(Escape.markdown($0))" } + [""] }
        return lines.joined(separator: "\n")
    }
}
