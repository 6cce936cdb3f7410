import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import Hummingbird

/// An interviewer's pages: the rounds on their panel, each round's kit, and their scorecard form;
/// recruiters and admins use the same form to log a scorecard on a panel member's behalf.
struct InterviewPagesController {
    let service: DebriefService

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/interviews", use: list)
        router.get("/rounds/:round", use: round)
        router.post("/rounds/:round/scorecard", use: saveScorecard)
    }

    @Sendable func list(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        let interviews = try await service.interviews(for: principal)
        return HTMLResponse.page(InterviewPages.list(interviews, chrome: context.chrome("My interviews", request)))
    }

    @Sendable func round(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        let kit = try await service.roundKit(try PathID.require("round", in: context), for: principal)
        let mode = InterviewPages.mode(for: principal, kit: kit, amend: request.uri.queryParameters["amend"] == "1")
        return HTMLResponse.page(InterviewPages.round(kit, mode: mode, chrome: Self.chrome(kit, request, context), form: nil))
    }

    /// Saves a draft, or submits once the person confirmed; a form with problems comes back with
    /// each message next to its field and every value kept.
    @Sendable func saveScorecard(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        let fields = try await FormFields.posted(request, context)
        let roundID = try PathID.require("round", in: context)
        let kit = try await service.roundKit(roundID, for: principal)
        let amending = kit.mine?.state == .submitted
        guard let mode = InterviewPages.mode(for: principal, kit: kit, amend: amending) else {
            throw Problem(
                status: .forbidden, title: "Not allowed",
                detail: AccessPolicy.refusal(principal, .scoreRound(panel: kit.round.interviewerIDs, interviewer: principal.userID ?? 0)))
        }
        var form = InterviewPages.FormState()
        let ratings = Self.ratings(fields, kit: kit, form: &form)
        form.recommendation = fields["recommendation"] ?? ""
        form.notes = fields["notes"] ?? ""
        form.reason = fields["reason"] ?? ""
        let draft = fields["action"] != "submit"
        var recommendation: Recommendation?
        if !form.recommendation.isEmpty {
            do { recommendation = try Recommendation(parsing: form.recommendation) } catch { form.errors["recommendation"] = error.message }
        }
        if !draft {
            if recommendation == nil && form.errors["recommendation"] == nil {
                form.errors["recommendation"] = "choose a recommendation to submit (no decision is one)"
            }
            if fields["confirm"] != "yes" { form.errors["confirm"] = "tick this box to confirm that you are ready to submit" }
        }
        let interviewer = Self.interviewer(fields, mode: mode, kit: kit, principal: principal, form: &form)
        let chrome = Self.chrome(kit, request, context)
        func refused(_ message: String) -> Response {
            HTMLResponse.page(InterviewPages.round(kit, mode: mode, chrome: chrome, form: form, message: message), status: .unprocessableContent)
        }
        guard form.errors.isEmpty, let interviewer else { return refused("The scorecard was not saved: see the notes below.") }
        do {
            let submission = ScorecardSubmission(
                roundID: roundID, interviewer: interviewer, ratings: ratings, recommendation: recommendation, notes: form.notes, draft: draft,
                amendReason: form.reason.isEmpty ? nil : form.reason)
            _ = try await service.submitScorecard(submission, by: principal)
        } catch let error as StoreError {
            guard case .invalid(let problem) = error else { throw error }
            if ["reason", "recommendation", "interviewer"].contains(problem.field) {
                form.errors[problem.field] = problem.message
                return refused("The scorecard was not saved: see the notes below.")
            }
            return refused(problem.message)
        } catch let error as FieldError {
            form.errors[error.field] = error.message
            return refused("The scorecard was not saved: \(error.message).")
        }
        if case .onBehalf = mode { return HTMLResponse.redirect(to: "/candidates/\(kit.round.candidateID)?done=logged") }
        return HTMLResponse.redirect(to: "/rounds/\(roundID)")
    }

    private static func chrome(_ kit: RoundKit, _ request: Request, _ context: DebriefRequestContext) -> PageChrome {
        context.chrome("\(kit.round.kind.label) round: \(kit.candidateName)", request)
    }

    /// The ratings the form holds, each checked against the rubric's scale; a bad one is noted on its field.
    private static func ratings(_ fields: FormFields, kit: RoundKit, form: inout InterviewPages.FormState) -> [Rating] {
        var ratings: [Rating] = []
        for competency in kit.competencies {
            let value = fields["rating.\(competency.id)"] ?? ""
            form.ratings[competency.id] = value
            guard !value.isEmpty else { continue }
            do {
                let rating = try Rating(competencyID: competency.id, value: RatingValue(parsing: value))
                try kit.rubric.ratingScale.validate(rating.value, field: competency.title)
                ratings.append(rating)
            } catch {
                form.errors["rating.\(competency.id)"] = error.message
            }
        }
        for question in kit.questions?.questions ?? [] {
            guard let id = question.id else { continue }
            let rating = fields["question.\(id).rating"] ?? "", note = fields["question.\(id).note"] ?? ""
            let competency = fields["question.\(id).competency"] ?? ""
            guard !rating.isEmpty || !note.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            form.questions[id] = (competency, rating, note)
            do throws(FieldError) {
                guard kit.competencies.contains(where: { $0.id == competency }) else {
                    throw FieldError(field: "competency", "choose one of this round's competencies for question \(question.ordinal)")
                }
                let value = rating.isEmpty ? RatingValue.noSignal : try RatingValue(parsing: rating)
                try kit.rubric.ratingScale.validate(value, field: "question \(question.ordinal)")
                ratings.append(try Rating(competencyID: competency, questionID: id, value: value, note: note.isEmpty ? nil : note))
            } catch {
                form.errors["question.\(id)"] = error.message
            }
        }
        return ratings
    }

    /// Whose scorecard this is: the signed-in interviewer's own, or the panel member a recruiter chose.
    private static func interviewer(
        _ fields: FormFields, mode: InterviewPages.Mode, kit: RoundKit, principal: Principal, form: inout InterviewPages.FormState
    ) -> EmailAddress? {
        switch mode {
        case .own:
            return principal.userID.flatMap { kit.people[$0]?.email }
        case .onBehalf:
            form.interviewer = fields["interviewer"] ?? ""
            let panel = kit.round.interviewerIDs.compactMap { kit.people[$0] }
            guard let person = panel.first(where: { $0.email.value.caseInsensitiveCompare(form.interviewer) == .orderedSame }) else {
                form.errors["interviewer"] =
                    form.interviewer.isEmpty
                    ? "choose the panel member whose scorecard this is" : "\(form.interviewer) is not on this round's panel"
                return nil
            }
            return person.email
        }
    }
}
