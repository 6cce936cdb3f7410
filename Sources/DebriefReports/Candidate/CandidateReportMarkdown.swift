import DebriefCore
import Foundation

/// A candidate report as Markdown.
public enum CandidateReportMarkdown {
    public static func render(_ report: CandidateReport) -> String {
        let rubric = report.position.rubric
        var lines = [
            "# \(Escape.markdown(report.candidate.name)), \(Escape.markdown(report.position.title))", "",
            "\(Escape.markdown(report.candidate.email)) · stage **\(report.candidate.stage)** · \(CountedNoun.phrase(report.roundsHeld, "round")) held, \(report.roundsPending) pending",
            "",
            "**Score \(Figures.number(report.score))** on \(rubric.scaleMin)–\(rubric.scaleMax) (calibrated \(Figures.number(report.calibratedScore))), "
                + "coverage \(Figures.percent(report.coverage)), recommendation **\(Recommendation.label(of: report.recommendation))**"
                + (report.rank.map { ", rank \($0) of \(report.rankedCandidates)" } ?? "") + ".",
        ]
        if report.needsDebrief {
            lines += ["", "**Needs a debrief:**"] + report.flagReasons.map { "- \(Escape.markdown($0))" }
        }
        lines += ["", "## Competencies", "", "| Competency | Weight | Mean | Ratings | Spread |", "|---|---:|---:|---:|---:|"]
        for competency in report.competencies {
            lines.append(
                "| \(Escape.markdown(competency.title)) | \(Figures.number(competency.weight, decimals: 1)) | \(Figures.number(competency.mean)) | \(competency.n) | \(Figures.number(competency.spread)) |"
            )
        }
        lines += ["", "## Rounds", ""]
        for round in report.rounds {
            lines.append(
                "### \(round.kindLabel) (#\(round.id), \(Figures.dateTime(round.scheduledAt))): \(round.status)"
                    + (round.score.map { ", mean \(Figures.number($0))" } ?? ""))
            for card in round.scorecards {
                let ratings = rubric.competencies.compactMap { competency in
                    card.ratings[competency.id].map { "\(Escape.markdown(competency.title)) \($0.map(String.init) ?? "no signal")" }
                }.joined(separator: ", ")
                let enteredBy = card.enteredBy.map { " (entered by \(Escape.markdown($0)))" } ?? ""
                lines.append(
                    "- **\(Escape.markdown(card.name))**\(enteredBy) recommends \(Recommendation.label(of: card.recommendation)): \(ratings)")
                if let reason = card.amendReason { lines.append("  amended (v\(card.version)): \(Escape.markdown(reason))") }
                if !card.notes.isEmpty { lines.append("  > \(Escape.markdown(card.notes))") }
            }
            lines.append("")
        }
        if !report.questions.isEmpty {
            lines += ["## Questions asked", ""]
            for (question, ratings) in zip(report.questions, report.questionRatingsInWords()) {
                lines.append("- \(Escape.markdown(question.text)): \(ratings.map(Escape.markdown).joined(separator: "; "))")
            }
            lines.append("")
        }
        if !report.notes.isEmpty { lines += ["## Notes", ""] + report.notes.map { "- \(Escape.markdown($0))" } }
        return lines.joined(separator: "\n") + "\n"
    }
}
