import DebriefReports
import Foundation

/// A position report as a terminal table: ranking first, then agreement and calibration.
enum PositionReportText {
    static func render(_ report: PositionReport) -> String {
        var ranking = TextTable("RANK", "CANDIDATE", "SCORE", "CALIBRATED", "COVERAGE", "RECOMMENDATION", "FLAGS")
        for candidate in report.candidates {
            ranking.add(
                candidate.rank.map(String.init) ?? "-", candidate.name, number(candidate.score), number(candidate.calibratedScore),
                percent(candidate.coverage), candidate.recommendation ?? "-", candidate.flags.joined(separator: " "))
        }
        var calibration = TextTable("INTERVIEWER", "SCORECARDS", "MEAN", "LENIENCY", "CORRECTED")
        for entry in report.calibration {
            calibration.add(
                entry.interviewer, "\(entry.scorecards)", number(entry.mean), number(entry.leniency), entry.correctedInCalibratedScore ? "yes" : "no")
        }
        let agreement = report.agreement
        var lines = [
            "\(report.position.title) — rubric \(report.position.rubric.id) v\(report.position.rubric.version), scale \(report.position.rubric.scaleMin)–\(report.position.rubric.scaleMax)",
            "", ranking.rendered(emptyMessage: "No candidates have rounds for this position yet."), "",
            "Agreement over \(agreement.units) units, \(agreement.coders) interviewers: Krippendorff alpha interval \(number(agreement.krippendorffAlphaInterval)), ordinal \(number(agreement.krippendorffAlphaOrdinal))",
            "", calibration.rendered(emptyMessage: "No submitted scorecards yet."),
        ]
        if !report.notes.isEmpty { lines += [""] + report.notes.map { "Note: \($0)" } }
        return lines.joined(separator: "\n")
    }

    private static func number(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "-"
    }

    private static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }
}
