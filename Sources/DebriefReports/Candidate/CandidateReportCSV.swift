import DebriefCore
import Foundation

/// A candidate report as long-form CSV: one row per rating, ready for pivot tables.
public enum CandidateReportCSV {
    public static func render(_ report: CandidateReport) -> String {
        var document = CSVDocument()
        document.append([
            "candidate", "email", "position", "round_id", "round", "interviewer", "recommendation", "competency", "question", "rating",
            "submitted_at",
        ])
        // The candidate and the position lead every record: escaped once.
        let leading = CSVDocument.escapedCells([report.candidate.name, report.candidate.email, report.position.title])
        for round in report.rounds {
            let roundID = String(round.id)
            for card in round.scorecards {
                let submittedAt = card.submittedAt.map(ISO8601.utcSeconds) ?? ""
                for (competency, rating) in card.ratings.sorted(by: { $0.key < $1.key }) {
                    document.append(
                        leading: leading,
                        [roundID, round.kind, card.interviewer, card.recommendation, competency, "", rating.map(String.init) ?? "", submittedAt])
                }
            }
        }
        for question in report.questions {
            for rating in question.ratings {
                document.append(
                    leading: leading,
                    [
                        String(rating.roundID), rating.round, rating.interviewer, rating.recommendation, rating.competency, question.text,
                        rating.rating.map(String.init) ?? "", rating.submittedAt.map(ISO8601.utcSeconds) ?? "",
                    ])
            }
        }
        return document.text
    }
}
