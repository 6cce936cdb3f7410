import DebriefCore
import DebriefReports
import DebriefService
import Foundation

/// An interviewer's pages: the rounds on their panel, and a round as its kit with the scorecard form.
enum InterviewPages {
    /// What the scorecard form holds: as stored, or as just posted when it comes back with errors.
    struct FormState {
        var ratings: [String: String] = [:]
        var recommendation = ""
        var notes = ""
        /// Messages by field (`rating.apis-http`, `recommendation`, `confirm`), shown next to it.
        var errors: [String: String] = [:]

        init() {}

        init(_ card: Scorecard) {
            for rating in card.ratings where rating.questionID == nil {
                ratings[rating.competencyID] = rating.value.point.map(String.init) ?? "none"
            }
            recommendation = card.recommendation?.rawValue ?? ""
            notes = card.notes
        }
    }

    static func list(_ interviews: [InterviewSummary], principal: Principal, proof: String) -> String {
        let waiting = interviews.filter { $0.myScorecard != .submitted }.map(row), done = interviews.filter { $0.myScorecard == .submitted }.map(row)
        return PageTemplate.render(
            "interviews", title: "My interviews",
            [
                "signedIn": principal.label, "role": principal.role.rawValue, "proof": proof, "waiting": waiting, "done": done,
                "hasWaiting": !waiting.isEmpty, "hasDone": !done.isEmpty,
            ])
    }

    private static func row(_ interview: InterviewSummary) -> [String: Any] {
        [
            "id": interview.round.id ?? 0, "when": Figures.dateTime(interview.round.scheduledAt), "candidate": interview.candidateName,
            "position": interview.positionTitle, "kind": interview.round.kind.rawValue,
            "status": interview.myScorecard.map { $0 == .draft ? "draft saved" : "submitted" } ?? "not started",
        ]
    }

    static func round(_ kit: RoundKit, principal: Principal, proof: String, form: FormState?, message: String? = nil) -> String {
        let mine = kit.mine
        let locked = mine?.state == .submitted && form == nil
        let state = form ?? mine.map(FormState.init) ?? FormState()
        let scale = kit.rubric.scale
        let competencies: [[String: Any]] = kit.competencies.map { competency in
            let chosen = state.ratings[competency.id] ?? ""
            var points: [[String: Any]] = scale.map { point in
                [
                    "value": String(point.value), "label": point.label, "anchor": competency.anchors[point.value] ?? point.description,
                    "checked": chosen == String(point.value), "inputID": "rating-\(competency.id)-\(point.value)",
                ]
            }
            points.append([
                "value": "none", "label": "No signal", "anchor": "this round gave nothing to judge it on", "checked": chosen == "none",
                "inputID": "rating-\(competency.id)-none",
            ])
            return [
                "id": competency.id, "title": competency.title, "description": competency.description ?? "", "points": points,
                "error": state.errors["rating.\(competency.id)"] ?? false, "rated": Self.ratingText(chosen, scale: scale),
            ]
        }
        let recommendations = Recommendation.allCases.map { option in
            ["value": option.rawValue, "label": option.rawValue.replacingOccurrences(of: "_", with: " "), "selected": state.recommendation == option.rawValue]
                as [String: Any]
        }
        var values: [String: Any] = ["signedIn": principal.label, "role": principal.role.rawValue, "proof": proof]
        values["roundID"] = kit.round.id ?? 0
        values["candidate"] = kit.candidateName
        values["position"] = kit.positionTitle
        values["kind"] = kit.round.kind.rawValue
        values["when"] = Figures.dateTime(kit.round.scheduledAt)
        values["competencies"] = competencies
        values["recommendations"] = recommendations
        values["notes"] = state.notes
        values["locked"] = locked
        values["editable"] = !locked && principal.userID.map(kit.round.interviewerIDs.contains) == true
        values["message"] = message ?? false
        values["recommendationError"] = state.errors["recommendation"] ?? false
        values["confirmError"] = state.errors["confirm"] ?? false
        values["version"] = mine?.version ?? 0
        values["submittedAt"] = mine?.submittedAt.map(Figures.dateTime) ?? ""
        values["recommendationText"] = (mine?.recommendation?.rawValue ?? "no decision").replacingOccurrences(of: "_", with: " ")
        values["colleagues"] = kit.colleagues.map { card in colleague(card, kit: kit) }
        values["hasColleagues"] = !kit.colleagues.isEmpty
        values["blind"] = mine?.state != .submitted && principal.role == .interviewer
        values["hasQuestions"] = !(kit.questions?.questions.isEmpty ?? true)
        values["questionSet"] = kit.questions?.title ?? ""
        // Answers were sanitised to Debrief's small safe subset of HTML when they were imported.
        values["questions"] = (kit.questions?.questions ?? []).map { question -> [String: Any] in
            ["ordinal": question.ordinal, "text": question.text, "section": question.section ?? "", "answer": question.answerHTML ?? false]
        }
        return PageTemplate.render("round", title: "\(kit.round.kind.rawValue) round: \(kit.candidateName)", values)
    }

    private static func colleague(_ card: Scorecard, kit: RoundKit) -> [String: Any] {
        let ratings = card.ratings.filter { $0.questionID == nil }.map { rating in
            "\(kit.rubric.competency(rating.competencyID)?.title ?? rating.competencyID): \(rating.value.point.map(String.init) ?? "no signal")"
        }
        return [
            "name": kit.people[card.interviewerID]?.name ?? "#\(card.interviewerID)", "ratings": ratings.joined(separator: " · "),
            "recommendation": (card.recommendation?.rawValue ?? "no decision").replacingOccurrences(of: "_", with: " "), "notes": card.notes,
        ]
    }

    private static func ratingText(_ value: String, scale: [ScalePoint]) -> String {
        if value == "none" { return "no signal" }
        guard let point = Int(value), let label = scale.first(where: { $0.value == point })?.label else { return "not rated" }
        return "\(point) · \(label)"
    }
}
