import Foundation
import Mustache

/// A candidate report as one self-contained HTML file, printable to PDF from a browser.
public enum CandidateReportHTML {
    private static let template = ReportTemplate.parse(CandidateTemplate.section)

    public static func render(_ report: CandidateReport) -> String {
        ReportDocument.render(title: "\(report.candidate.name): \(report.position.title)", section: section(report))
    }

    /// The report without its document around it, for a page of the web app.
    public static func section(_ report: CandidateReport) -> String {
        template.render(context(report))
    }

    static func context(_ report: CandidateReport) -> [String: Any] {
        let rubric = report.position.rubric
        let competencyIDs = rubric.competencies.map(\.id)
        return [
            "name": report.candidate.name, "email": report.candidate.email, "position": report.position.title,
            "stage": report.candidate.stage, "roundsHeld": report.roundsHeld, "roundsPending": report.roundsPending,
            "score": Figures.number(report.score), "calibrated": Figures.number(report.calibratedScore), "coverage": Figures.percent(report.coverage),
            "recommendation": report.recommendation ?? "–", "scaleMin": rubric.scaleMin, "scaleMax": rubric.scaleMax,
            "rankText": report.rank.map { "rank \($0) of \(report.rankedCandidates), percentile \(Figures.number(report.percentile, decimals: 0))" }
                ?? "not ranked yet",
            "needsDebrief": report.needsDebrief, "flags": report.flagReasons,
            "competencyChart": SVGChart.bars(
                report.competencies.map {
                    SVGChart.Bar(
                        label: $0.title, value: $0.mean, note: "n=\($0.n)" + ($0.spread.map { ", spread \(Figures.number($0, decimals: 1))" } ?? ""))
                },
                minimum: Double(rubric.scaleMin), maximum: Double(rubric.scaleMax), title: "Mean rating per competency"),
            "rounds": report.rounds.map { round -> [String: Any] in
                [
                    "kind": round.kind, "when": Figures.dateTime(round.scheduledAt), "status": round.status,
                    // A section over `false` renders nothing: a pending round has no score line.
                    "roundScore": round.status == "held" ? Figures.number(round.score) as Any : false,
                    "hasScorecards": !round.scorecards.isEmpty, "competencyHeaders": competencyIDs,
                    "scorecards": round.scorecards.map { card -> [String: Any] in
                        [
                            "name": card.name.isEmpty ? card.interviewer : card.name, "recommendation": card.recommendation, "notes": card.notes,
                            "enteredBy": card.enteredBy ?? false, "amendReason": card.amendReason ?? false,
                            "cells": competencyIDs.map { id in card.ratings[id].map { $0.map(String.init) ?? "no signal" } ?? "" },
                        ]
                    },
                ]
            },
            "hasQuestions": !report.questions.isEmpty,
            "questions": report.questions.map { question -> [String: Any] in
                [
                    "text": question.text,
                    "ratings": question.ratings.map { "\($0.competency) \($0.rating.map(String.init) ?? "no signal")" }.joined(separator: ", "),
                ]
            },
            "hasNotes": !report.notes.isEmpty, "notes": report.notes,
        ]
    }
}
