import DebriefCore
import Foundation

/// Scorecards as `scorecards show` prints them for a person.
enum ScorecardText {
    static func render(_ cards: [Scorecard], users: [Int64: User], emptyMessage: String) -> String {
        guard !cards.isEmpty else { return emptyMessage }
        return cards.map { card in
            let who = users[card.interviewerID].map { "\($0.name) <\($0.email)>" } ?? "#\(card.interviewerID)"
            var lines = [
                "Scorecard #\(card.id ?? 0) v\(card.version) by \(who): \(card.state.rawValue)"
                    + (card.recommendation.map { ", recommends \($0.rawValue)" } ?? "")
            ]
            for rating in card.ratings {
                let value = rating.value.point.map { "\($0)/\(card.scale.maximum)" } ?? "no signal"
                let question = rating.questionID.map { " (question #\($0))" } ?? ""
                lines.append("  \(rating.competencyID)\(question): \(value)" + (rating.note.map { " — \($0)" } ?? ""))
            }
            if !card.notes.isEmpty { lines.append("  Notes: \(card.notes)") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
