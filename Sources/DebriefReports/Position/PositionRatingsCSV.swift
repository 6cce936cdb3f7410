import DebriefCore
import Foundation

/// Every submitted rating of a position as long-form CSV, one row per rating, for pivot tables.
/// The columns match the candidate report's CSV, so the two files stack.
public enum PositionRatingsCSV {
    public static let header = [
        "candidate", "email", "position", "round_id", "round", "interviewer", "recommendation", "competency", "question", "rating", "submitted_at",
    ]

    public static func render(_ dossier: PositionDossier) -> String {
        let candidates = Dictionary(dossier.candidates.map { ($0.id ?? 0, $0) }) { first, _ in first }
        let users = Dictionary(dossier.interviewers.map { ($0.id ?? 0, $0) }) { first, _ in first }
        var lines = [CSVField.line(header)]
        for card in dossier.scorecards {
            let candidate = candidates[card.candidateID]
            let scorecard = card.scorecard
            for rating in scorecard.ratings {
                lines.append(
                    CSVField.line([
                        candidate?.name ?? "#\(card.candidateID)", candidate?.email.value ?? "", dossier.position.title, String(scorecard.roundID),
                        card.roundKind.rawValue, users[scorecard.interviewerID]?.email.value ?? "#\(scorecard.interviewerID)",
                        scorecard.recommendation?.rawValue ?? "", rating.competencyID,
                        rating.questionID.map { dossier.questions[$0]?.text ?? "question #\($0)" } ?? "", rating.value.point.map(String.init) ?? "",
                        scorecard.submittedAt.map(Figures.iso8601) ?? "",
                    ]))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
