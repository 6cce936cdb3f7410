/// A position report as CSV: one row per candidate, a column per competency (RFC 4180, CRLF line ends).
public enum PositionReportCSV {
    public static func render(_ report: PositionReport) -> String {
        let competencies = report.position.rubric.competencies.map(\.id)
        var rows = [
            [
                "rank", "candidate", "email", "stage", "score", "calibrated_score", "coverage", "recommendation", "needs_debrief", "flags",
                "percentile", "scorecards",
            ]
                + competencies
        ]
        for candidate in report.candidates {
            rows.append(
                [
                    candidate.rank.map(String.init) ?? "", candidate.name, candidate.email, candidate.stage, plain(candidate.score),
                    plain(candidate.calibratedScore), plain(candidate.coverage), candidate.recommendation ?? "",
                    candidate.needsDebrief ? "yes" : "no",
                    candidate.flags.joined(separator: " "), plain(candidate.percentile), String(candidate.scorecards),
                ] + competencies.map { plain(candidate.competencies[$0]?.mean) })
        }
        return CSVDocument.render(rows)
    }

    /// Full precision for spreadsheets; empty for an undefined figure.
    static func plain(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(value)
    }
}
