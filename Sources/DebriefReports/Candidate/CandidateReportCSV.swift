import Foundation

/// A candidate report as long-form CSV: one row per rating, ready for pivot tables.
public enum CandidateReportCSV {
    public static func render(_ report: CandidateReport) -> String {
        var rows = [
            [
                "candidate", "email", "position", "round_id", "round", "interviewer", "recommendation", "competency", "question", "rating",
                "submitted_at",
            ]
        ]
        for round in report.rounds {
            for card in round.scorecards {
                for competency in card.ratings.keys.sorted() {
                    rows.append([
                        report.candidate.name, report.candidate.email, report.position.title, String(round.id), round.kind, card.interviewer,
                        card.recommendation, competency, "", card.ratings[competency]!.map(String.init) ?? "",
                        card.submittedAt.map(Figures.iso8601) ?? "",
                    ])
                }
            }
        }
        for question in report.questions {
            for rating in question.ratings {
                rows.append([
                    report.candidate.name, report.candidate.email, report.position.title, String(rating.roundID), rating.round, rating.interviewer,
                    rating.recommendation, rating.competency, question.text, rating.rating.map(String.init) ?? "",
                    rating.submittedAt.map(Figures.iso8601) ?? "",
                ])
            }
        }
        return rows.map(CSVField.line).joined(separator: "\r\n") + "\r\n"
    }
}
