import DebriefCore
/// A position report as Markdown: readable in a terminal, rendered by code hosting sites.
public enum PositionReportMarkdown {
    public static func render(_ report: PositionReport) -> String {
        let rubric = report.position.rubric
        var lines = [
            "# \(Escape.markdown(report.position.title)): debrief pack", "",
            "Rubric **\(Escape.markdown(rubric.title))** v\(Escape.markdown(rubric.version)), scale \(rubric.scaleMin)–\(rubric.scaleMax). "
                + "Scores are weighted means of competency means; the calibrated score removes known interviewer leniency.",
            "", "## Ranking", "",
            "| Rank | Candidate | Stage | Score | Calibrated | Coverage | Recommendation | Flags | Percentile |",
            "|---:|---|---|---:|---:|---:|---|---|---:|",
        ]
        for candidate in report.candidates {
            lines.append(
                "| \(candidate.rank.map(String.init) ?? "–") | \(Escape.markdown(candidate.name)) | \(candidate.stage) | \(Figures.number(candidate.score)) | "
                    + "\(Figures.number(candidate.calibratedScore)) | \(Figures.percent(candidate.coverage)) | \(Recommendation.label(of: candidate.recommendation)) | "
                    + "\(candidate.flagReasons.map(Escape.markdown).joined(separator: "; ")) | \(Figures.number(candidate.percentile, decimals: 0)) |"
            )
        }
        let agreement = report.agreement
        lines += [
            "", "## Agreement between interviewers", "",
            "- Krippendorff's alpha (interval): **\(Figures.number(agreement.krippendorffAlphaInterval))**, ordinal: \(Figures.number(agreement.krippendorffAlphaOrdinal)) "
                + "over \(agreement.units) candidate competencies rated by \(agreement.coders) interviewers: \(Figures.readAlpha(agreement.krippendorffAlphaInterval)).",
            "", "## How much to trust these scores", "",
            report.reliability.summary.map { "\($0) (G(q,k) \(Figures.number(report.reliability.g)) for the panels this position had.)" }
                ?? "Too little data for a reliability study yet; the notes say why.",
            "", "## Interviewer calibration", "",
            "| Interviewer | Scorecards | Mean rating | Leniency | Corrected | No decision | Strong calls |",
            "|---|---:|---:|---:|---|---:|---:|",
        ]
        for entry in report.calibration {
            lines.append(
                "| \(Escape.markdown(entry.name)) (\(Escape.markdown(entry.interviewer))) | \(entry.scorecards) | \(Figures.number(entry.mean)) | "
                    + "\(Figures.number(entry.leniency)) | \(entry.correctedInCalibratedScore ? "yes" : "no") | \(Figures.percent(entry.noDecisionShare)) | "
                    + "\(Figures.percent(entry.strongShare)) |")
        }
        lines += ["", "## Competencies across the pipeline", "", "| Competency | Weight | Mean | Candidates |", "|---|---:|---:|---:|"]
        for competency in rubric.competencies {
            let average = report.competencyAverages[competency.id]
            lines.append(
                "| \(Escape.markdown(competency.title)) | \(Figures.number(competency.weight, decimals: 1)) | \(Figures.number(average?.mean)) | \(average?.candidates ?? 0) |"
            )
        }
        if !report.notes.isEmpty {
            lines += ["", "## Notes", ""] + report.notes.map { "- \(Escape.markdown($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
