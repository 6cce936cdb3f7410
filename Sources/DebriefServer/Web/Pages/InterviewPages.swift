import DebriefCore
import DebriefReports
import DebriefService
import Foundation

/// An interviewer's pages: the rounds on their panel, and a round as its kit with the scorecard form.
/// Recruiters and admins open the same kit to log a scorecard on a panel member's behalf.
enum InterviewPages {
    /// What the scorecard form holds: as stored, or as just posted when it comes back with errors.
    struct FormState {
        var ratings: [String: String] = [:]
        var recommendation = ""
        var notes = ""
        /// The panel member a recruiter logs the scorecard for (their email).
        var interviewer = ""
        /// Why a submitted scorecard is amended.
        var reason = ""
        /// Per question asked: the competency it was rated against, the rating and a note.
        var questions: [Int64: (competency: String, rating: String, note: String)] = [:]
        /// Messages by field (`rating.apis-http`, `recommendation`, `confirm`, `reason`, `interviewer`), shown next to it.
        var errors: [String: String] = [:]

        init() {}

        init(_ card: Scorecard) {
            for rating in card.ratings where rating.questionID == nil {
                ratings[rating.competencyID] = rating.value.point.map(String.init) ?? "none"
            }
            for rating in card.ratings {
                guard let questionID = rating.questionID else { continue }
                questions[questionID] = (rating.competencyID, rating.value.point.map(String.init) ?? "none", rating.note ?? "")
            }
            recommendation = card.recommendation?.rawValue ?? ""
            notes = card.notes
        }
    }

    /// How the round page is opened.
    enum Mode {
        /// The person's own scorecard, or (`amend`) the next version of their submitted one.
        case own(amend: Bool)
        /// A recruiter or admin logging a panel member's scorecard.
        case onBehalf
    }

    /// The rounds still waiting for the person's scorecard, soonest first, then those they have
    /// submitted, latest first.
    static func list(_ interviews: [InterviewSummary], chrome: PageChrome) -> String {
        let waiting = interviews.filter { $0.myScorecard != .submitted }.map(row)
        let done = interviews.filter { $0.myScorecard == .submitted }.reversed().map(row)
        return PageTemplate.render(
            "interviews", chrome: chrome, ["waiting": waiting, "done": done, "hasWaiting": !waiting.isEmpty, "hasDone": !done.isEmpty])
    }

    private static func row(_ interview: InterviewSummary) -> [String: Any] {
        [
            "id": interview.round.id ?? 0, "when": Figures.dateTime(interview.round.scheduledAt), "candidate": interview.candidateName,
            "position": interview.positionTitle, "kind": interview.round.kind.label,
            "status": interview.myScorecard.map { $0 == .draft ? "draft saved" : "submitted" } ?? "not started",
        ]
    }

    /// Whether `principal` fills in their own scorecard on this round or logs one for a panel member.
    static func mode(for principal: Principal, kit: RoundKit, amend: Bool) -> Mode? {
        if let userID = principal.userID, kit.round.interviewerIDs.contains(userID) { return .own(amend: amend && kit.mine?.state == .submitted) }
        return AccessPolicy.permits(principal, .managePipeline) ? .onBehalf : nil
    }

    static func round(_ kit: RoundKit, mode: Mode?, chrome: PageChrome, form: FormState?, message: String? = nil) -> String {
        let mine = kit.mine
        var amending = false, onBehalf = false
        switch mode {
        case .own(let amend): amending = amend
        case .onBehalf: onBehalf = true
        case nil: break
        }
        let locked = mine?.state == .submitted && form == nil && !amending
        let state = form ?? mine.map(FormState.init) ?? FormState()
        var values: [String: Any] = [:]
        values["roundID"] = kit.round.id ?? 0
        values["candidate"] = kit.candidateName
        values["candidateLink"] = onBehalf ? "/candidates/\(kit.round.candidateID)" : false
        values["position"] = kit.positionTitle
        values["kind"] = kit.round.kind.label
        values["when"] = Figures.dateTime(kit.round.scheduledAt)
        values["competencies"] = competencies(kit, state: state)
        values["questionFields"] = questionFields(kit, state: state)
        values["recommendations"] = Recommendation.allCases.map { option in
            ["value": option.rawValue, "label": option.label, "selected": state.recommendation == option.rawValue] as [String: Any]
        }
        values["notes"] = state.notes
        values["locked"] = locked
        values["editable"] = !locked && mode != nil
        values["formTitle"] = onBehalf ? "Log a scorecard for a panel member" : amending ? "Amend my scorecard" : "My scorecard"
        values["onBehalf"] = onBehalf
        values["panel"] = kit.round.interviewerIDs.compactMap { kit.people[$0] }.map { person -> [String: Any] in
            [
                "email": person.email.value, "name": person.name, "selected": state.interviewer == person.email.value,
                "submitted": kit.colleagues.contains { $0.interviewerID == person.id },
            ]
        }
        values["askReason"] = amending || onBehalf
        values["amending"] = amending
        values["reasonLabel"] =
            onBehalf
            ? "Reason for the change (needed when the panel member has submitted already)" : "Why you are amending my submitted scorecard"
        values["reason"] = state.reason
        values["canDraft"] = !amending
        values["message"] = message ?? false
        for field in ["recommendation", "confirm", "reason", "interviewer"] { values["\(field)Error"] = state.errors[field] ?? false }
        values["version"] = mine?.version ?? 0
        values["submittedAt"] = mine?.submittedAt.map(Figures.dateTime) ?? ""
        values["recommendationText"] = (mine?.recommendation ?? .noDecision).label
        values["colleagues"] = kit.colleagues.map { card in colleague(card, kit: kit) }
        values["hasColleagues"] = !kit.colleagues.isEmpty
        values["colleaguesTitle"] = onBehalf ? "Submitted scorecards" : "Colleagues' scorecards"
        let readsEverything = chrome.principal.map { AccessPolicy.permits($0, .readReports) } ?? false
        values["blind"] = mine?.state != .submitted && !readsEverything
        values["hasQuestions"] = !(kit.questions?.questions.isEmpty ?? true)
        values["questionSet"] = kit.questions?.title ?? ""
        // Answers were sanitised to Debrief's small safe subset of HTML when they were imported.
        values["questions"] = (kit.questions?.questions ?? []).map { question -> [String: Any] in
            [
                "ordinal": question.ordinal, "text": question.text, "title": question.title ?? false, "section": question.section ?? "",
                "answer": question.answerHTML ?? false,
            ]
        }
        return PageTemplate.render("round", chrome: chrome, values)
    }

    private static func competencies(_ kit: RoundKit, state: FormState) -> [[String: Any]] {
        let scale = kit.rubric.scale
        return kit.competencies.map { competency in
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
    }

    /// The optional rating and note of each question of the kit, against one of the round's competencies.
    private static func questionFields(_ kit: RoundKit, state: FormState) -> [[String: Any]] {
        let scale = kit.rubric.scale
        return (kit.questions?.questions ?? []).compactMap { question -> [String: Any]? in
            guard let id = question.id else { return nil }
            let typed = state.questions[id]
            let preferred =
                typed?.competency ?? question.competencies.first { id in kit.competencies.contains { $0.id == id } }
                ?? kit.competencies.first?.id ?? ""
            let rating = typed?.rating ?? ""
            return [
                "id": id, "ordinal": question.ordinal, "text": question.text, "note": typed?.note ?? "",
                "open": typed != nil || state.errors["question.\(id)"] != nil,
                "error": state.errors["question.\(id)"] ?? false,
                "competencyOptions": kit.competencies.map { ["value": $0.id, "label": $0.title, "selected": $0.id == preferred] as [String: Any] },
                "ratingOptions": scale.map {
                    ["value": String($0.value), "label": "\($0.value) · \($0.label)", "selected": rating == String($0.value)] as [String: Any]
                }
                    + [["value": "none", "label": "No signal", "selected": rating == "none"]],
            ]
        }
    }

    private static func colleague(_ card: Scorecard, kit: RoundKit) -> [String: Any] {
        let ratings = card.ratings.filter { $0.questionID == nil }.map { rating in
            "\(kit.rubric.competency(rating.competencyID)?.title ?? rating.competencyID): \(rating.value.point.map(String.init) ?? "no signal")"
        }
        return [
            "name": kit.people[card.interviewerID]?.name ?? "#\(card.interviewerID)", "ratings": ratings.joined(separator: " · "),
            "recommendation": (card.recommendation ?? .noDecision).label, "notes": card.notes,
            "enteredBy": card.enteredByID.map { kit.people[$0]?.name ?? "#\($0)" } ?? false,
        ]
    }

    private static func ratingText(_ value: String, scale: [ScalePoint]) -> String {
        if value == "none" { return "no signal" }
        guard let point = Int(value), let label = scale.first(where: { $0.value == point })?.label else { return "not rated" }
        return "\(point) · \(label)"
    }
}
