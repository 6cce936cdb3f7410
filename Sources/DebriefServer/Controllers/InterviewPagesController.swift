import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import Hummingbird

/// An interviewer's pages: the rounds on their panel, each round's kit, and their scorecard form.
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
        return HTMLResponse.page(InterviewPages.list(interviews, principal: principal, proof: context.formProof))
    }

    @Sendable func round(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        let kit = try await service.roundKit(try PathID.require("round", in: context), for: principal)
        return HTMLResponse.page(InterviewPages.round(kit, principal: principal, proof: context.formProof, form: nil))
    }

    /// Saves a draft, or submits once the person confirmed; a form with problems comes back with
    /// each message next to its field and every value kept.
    @Sendable func saveScorecard(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.requireSignedIn()
        var request = request
        let fields = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        try FormProof.check(fields["csrf"], request: request, context: context)
        let roundID = try PathID.require("round", in: context)
        let kit = try await service.roundKit(roundID, for: principal)
        guard let userID = principal.userID, let me = kit.people[userID] else {
            throw Problem(status: .forbidden, title: "Not allowed", detail: "only a signed-in interviewer fills in their own scorecard here")
        }
        let draft = fields["action"] != "submit"
        var form = InterviewPages.FormState()
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
        form.recommendation = fields["recommendation"] ?? ""
        form.notes = fields["notes"] ?? ""
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
        let proof = context.formProof
        guard form.errors.isEmpty else {
            return HTMLResponse.page(
                InterviewPages.round(kit, principal: principal, proof: proof, form: form, message: "The scorecard was not saved: see the notes below."),
                status: .unprocessableContent)
        }
        do {
            let submission = ScorecardSubmission(
                roundID: roundID, interviewer: me.email, ratings: ratings, recommendation: recommendation, notes: form.notes, draft: draft)
            _ = try await service.submitScorecard(submission, by: principal)
        } catch let error as StoreError {
            guard case .invalid(let problem) = error else { throw error }
            return HTMLResponse.page(
                InterviewPages.round(kit, principal: principal, proof: proof, form: form, message: problem.message), status: .unprocessableContent)
        }
        return HTMLResponse.redirect(to: "/rounds/\(roundID)")
    }
}
