import DebriefCore
import Foundation

/// Every submitted rating of a position as long-form CSV, one row per rating, for pivot tables.
/// The columns match the candidate report's CSV, so the two files stack.
public enum PositionRatingsCSV {
    public static let header = [
        "candidate", "email", "position", "round_id", "round", "interviewer", "recommendation", "competency", "question", "rating", "submitted_at",
    ]

    /// The header record, with its line end.
    public static var headerLine: String { CSVField.line(header) + "\r\n" }

    /// One rating's record, with its line end; `position` is the position's title.
    public static func line(_ row: PositionRatingRow, position: String) -> String {
        CSVField.line([
            row.candidateName, row.candidateEmail, position, String(row.roundID), row.roundKind, row.interviewerEmail, row.recommendation ?? "",
            row.competencyID, row.question ?? "", row.value.map(String.init) ?? "", row.submittedAt.map(ISO8601.utcSeconds) ?? "",
        ]) + "\r\n"
    }

    /// The whole file from a dossier already in memory (the store streams it for the CLI's `--long`).
    public static func render(_ dossier: PositionDossier) -> String {
        let candidates = Dictionary(dossier.candidates.map { ($0.id ?? 0, $0) }) { first, _ in first }
        let users = Dictionary(dossier.interviewers.map { ($0.id ?? 0, $0) }) { first, _ in first }
        var text = headerLine
        for card in dossier.scorecards {
            let candidate = candidates[card.candidateID]
            let scorecard = card.scorecard
            for rating in scorecard.ratings {
                let row = PositionRatingRow(
                    candidateName: candidate?.name ?? "#\(card.candidateID)", candidateEmail: candidate?.email.value ?? "",
                    roundID: scorecard.roundID,
                    roundKind: card.roundKind.rawValue,
                    interviewerEmail: users[scorecard.interviewerID]?.email.value ?? "#\(scorecard.interviewerID)",
                    recommendation: scorecard.recommendation?.rawValue, competencyID: rating.competencyID,
                    question: rating.questionID.map { dossier.questions[$0]?.text ?? "question #\($0)" }, value: rating.value.point,
                    submittedAt: scorecard.submittedAt)
                text += line(row, position: dossier.position.title)
            }
        }
        return text
    }
}
