import DebriefCore
import Mustache

/// The rubric's study as HTML (a file, or a section for the web app), Markdown and CSV.
public enum RubricReliabilityHTML {
    private static let template = ReportTemplate.parse(
        """
        <section class="reliability"><header><h1>{{title}}</h1>
        <p class="meta">{{pooled}}</p></header>
        <h2>How much to trust these scores</h2>
        {{#summary}}<p>{{summary}} (G(q,k) <strong>{{g}}</strong> for the panels these interviews had.)</p>
        {{{chart}}}{{/summary}}{{^summary}}<p>Too little data for a reliability study yet; the notes say why.</p>{{/summary}}
        <h2>Positions pooled</h2>
        <div class="scroll"><table><thead><tr><th>Position</th><th class="num">Candidates</th><th class="num">Scorecards</th></tr></thead>
        <tbody>{{#positions}}<tr><td>{{#link}}<a href="{{link}}">{{title}}</a>{{/link}}{{^link}}{{title}}{{/link}}</td><td class="num">{{candidates}}</td><td class="num">{{scorecards}}</td></tr>{{/positions}}</tbody></table></div>
        {{#hasNotes}}<h2>Notes</h2><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        </section>
        """)

    public static func render(_ report: RubricReliabilityReport) -> String {
        ReportDocument.render(title: title(report), section: section(report))
    }

    /// The report without its document around it. `positionLinks` maps position ids to their pages.
    public static func section(_ report: RubricReliabilityReport, positionLinks: [Int64: String] = [:]) -> String {
        template.render([
            "title": title(report), "pooled": pooled(report), "summary": report.reliability.summary ?? false,
            "g": Figures.number(report.reliability.g), "chart": ReliabilityChart.svg(report.reliability),
            "positions": report.positions.map { position -> [String: Any] in
                [
                    "title": position.title, "link": positionLinks[position.id] ?? false, "candidates": position.candidates,
                    "scorecards": position.scorecards,
                ]
            },
            "hasNotes": !report.notes.isEmpty, "notes": report.notes,
        ])
    }

    static func title(_ report: RubricReliabilityReport) -> String {
        "Reliability of the \(report.rubric.title ?? report.rubric.id) rubric"
    }

    static func pooled(_ report: RubricReliabilityReport) -> String {
        let candidates = report.positions.reduce(0) { $0 + $1.candidates }
        return "\(CountedNoun.phrase(candidates, "candidate")) across \(CountedNoun.phrase(report.positions.count, "position")) scored against it."
    }
}

public enum RubricReliabilityMarkdown {
    public static func render(_ report: RubricReliabilityReport) -> String {
        var lines = [
            "# \(Escape.markdown(RubricReliabilityHTML.title(report)))", "", RubricReliabilityHTML.pooled(report), "",
            "## How much to trust these scores", "",
        ]
        lines.append(
            report.reliability.summary.map { "\($0) (G(q,k) \(Figures.number(report.reliability.g)) for the panels these interviews had.)" }
                ?? "Too little data for a reliability study yet; the notes say why.")
        if !report.reliability.projections.isEmpty {
            lines += ["", "| Interviewers | Reliability |", "|---:|---:|"]
            lines += report.reliability.projections.map { "| \($0.interviewers) | \(Figures.number($0.reliability)) |" }
        }
        lines += ["", "## Positions pooled", "", "| Position | Candidates | Scorecards |", "|---|---:|---:|"]
        lines += report.positions.map { "| \(Escape.markdown($0.title)) | \($0.candidates) | \($0.scorecards) |" }
        if !report.notes.isEmpty { lines += ["", "## Notes", ""] + report.notes.map { "- \(Escape.markdown($0))" } }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The D-study as CSV: one row per panel size, empty (the header alone) without a study.
public enum RubricReliabilityCSV {
    public static func render(_ report: RubricReliabilityReport) -> String {
        let rows =
            [["interviewers", "reliability"]]
            + report.reliability.projections.map { ["\($0.interviewers)", PositionReportCSV.plain($0.reliability)] }
        return CSVDocument.render(rows)
    }
}
