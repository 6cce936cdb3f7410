import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import Hummingbird

/// The recruiter's pipeline: candidates by stage, adding and moving them, a candidate's page with
/// their rounds and reports, scheduling a round and changing its time or panel.
struct CandidatePagesController {
    let service: DebriefService

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/candidates", use: list)
        router.post("/candidates", use: add)
        router.get("/candidates/:candidate", use: show)
        router.post("/candidates/:candidate/stage", use: move)
        router.post("/candidates/:candidate/rounds", use: schedule)
        router.get("/rounds/:round/edit", use: editRound)
        router.post("/rounds/:round", use: changeRound)
    }

    @Sendable func list(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.require(.managePipeline)
        return try await pipelinePage(request, context, add: CandidatePages.AddForm(), status: .ok)
    }

    @Sendable func add(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let fields = try await FormFields.posted(request, context)
        var form = CandidatePages.AddForm()
        for field in CandidatePages.AddForm.fields { form.values[field.name] = fields[field.name] ?? "" }
        do {
            let candidate = try Candidate(
                name: fields["name"] ?? "", email: try EmailAddress(fields["email"] ?? ""), phone: fields.text("phone"), source: fields.text("source")
            )
            let stored = try await service.addCandidate(candidate, by: principal)
            return HTMLResponse.redirect(to: "/candidates/\(stored.id ?? 0)")
        } catch {
            guard let problem = FormProblem(error) else { throw error }
            if let field = problem.field, form.values[field] != nil { form.errors[field] = problem.message } else { form.message = problem.message }
            form.message = form.message ?? "The candidate was not added: see the notes below."
            return try await pipelinePage(request, context, add: form, status: .unprocessableContent)
        }
    }

    private func pipelinePage(
        _ request: Request, _ context: DebriefRequestContext, add: CandidatePages.AddForm, status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let query = FormFields(query: request)
        var filter = CandidateFilter(text: query.text("q"))
        if let position = query.text("position") {
            guard let id = Int64(position) else { throw Problem.badRequest("position must be a position's number, not '\(position)'") }
            filter.positionID = id
        }
        if let stage = query.text("stage") {
            do { filter.stage = try PipelineStage(parsing: stage) } catch { throw Problem.badRequest(error.message) }
        }
        let view = try await service.pipeline(filter, by: principal)
        let positions = try await service.positions()
        let html = CandidatePages.pipeline(view, filter: filter, positions: positions, add: add, chrome: context.chrome("Candidates", request))
        return HTMLResponse.page(html, status: status)
    }

    @Sendable func show(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let file = try await service.candidateFile(try PathID.require("candidate", in: context), by: principal)
        let notice = FormFields(query: request).notice(from: Self.notices)
        return HTMLResponse.page(CandidatePages.candidate(file, form: nil, notice: notice, chrome: context.chrome(file.candidate.name, request)))
    }

    /// What a redirect after a change says on the candidate's page (`?done=moved`).
    private static let notices = [
        "moved": "Moved.", "scheduled": "The round is scheduled.", "changed": "The round is changed.", "logged": "The scorecard is stored.",
    ]

    @Sendable func move(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let fields = try await FormFields.posted(request, context)
        let candidateID = try PathID.require("candidate", in: context)
        do {
            _ = try await service.moveCandidate(.id(candidateID), to: try PipelineStage(parsing: fields["stage"] ?? ""), by: principal)
            return HTMLResponse.redirect(to: "/candidates/\(candidateID)?done=moved")
        } catch {
            guard let problem = FormProblem(error) else { throw error }
            let file = try await service.candidateFile(candidateID, by: principal)
            return HTMLResponse.page(
                CandidatePages.candidate(file, form: nil, stageError: problem.message, chrome: context.chrome(file.candidate.name, request)),
                status: .unprocessableContent)
        }
    }

    @Sendable func schedule(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let fields = try await FormFields.posted(request, context)
        let candidateID = try PathID.require("candidate", in: context)
        var form = Self.roundForm(fields)
        form.positionID = fields.text("position").flatMap { Int64($0) }
        form.kind = fields["kind"] ?? ""
        form.questionSetID = fields.text("question_set").flatMap { Int64($0) }
        do {
            guard let positionID = form.positionID else { throw FieldError(field: "position", "choose the position this round is for") }
            let kind = try RoundKind(parsing: form.kind)
            let at = try Self.time(form)
            let roundRequest = RoundRequest(
                candidate: .id(candidateID), positionID: positionID, kind: kind, scheduledAt: at,
                interviewers: try form.interviewers.map { try EmailAddress($0) }, questionSetID: form.questionSetID)
            _ = try await service.scheduleRound(roundRequest, by: principal)
            return HTMLResponse.redirect(to: "/candidates/\(candidateID)?done=scheduled")
        } catch {
            guard let problem = FormProblem(error) else { throw error }
            Self.note(problem, on: &form)
            let file = try await service.candidateFile(candidateID, by: principal)
            return HTMLResponse.page(
                CandidatePages.candidate(file, form: form, chrome: context.chrome(file.candidate.name, request)), status: .unprocessableContent)
        }
    }

    @Sendable func editRound(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let round = try await service.round(try PathID.require("round", in: context), by: principal)
        let people = try await service.users(by: principal)
        var form = CandidatePages.RoundForm(at: ISO8601.localMinutes(round.scheduledAt, in: TimeZone(identifier: "UTC")!))
        form.interviewers = round.interviewerIDs.compactMap { id in people.first { $0.id == id }?.email.value }
        return try await roundEditPage(round, form: form, request, context, principal: principal, status: .ok)
    }

    @Sendable func changeRound(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.managePipeline)
        let fields = try await FormFields.posted(request, context)
        let round = try await service.round(try PathID.require("round", in: context), by: principal)
        var form = Self.roundForm(fields)
        do {
            let at = try Self.time(form)
            let change = RoundChange(roundID: round.id ?? 0, scheduledAt: at, interviewers: try form.interviewers.map { try EmailAddress($0) })
            _ = try await service.changeRound(change, by: principal)
            return HTMLResponse.redirect(to: "/candidates/\(round.candidateID)?done=changed")
        } catch {
            guard let problem = FormProblem(error) else { throw error }
            Self.note(problem, on: &form)
            return try await roundEditPage(round, form: form, request, context, principal: principal, status: .unprocessableContent)
        }
    }

    private func roundEditPage(
        _ round: Round, form: CandidatePages.RoundForm, _ request: Request, _ context: DebriefRequestContext, principal: Principal,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let file = try await service.candidateFile(round.candidateID, by: principal)
        let title = file.positions.first { $0.position.id == round.positionID }?.position.title ?? "#\(round.positionID)"
        let html = CandidatePages.roundEdit(
            round, candidate: file.candidate, positionTitle: title, people: file.people, form: form,
            chrome: context.chrome("Change a round of \(file.candidate.name)", request))
        return HTMLResponse.page(html, status: status)
    }

    /// The fields both round forms share.
    private static func roundForm(_ fields: FormFields) -> CandidatePages.RoundForm {
        var form = CandidatePages.RoundForm()
        form.at = fields["at"] ?? ""
        form.zone = fields.text("zone") ?? "UTC"
        form.interviewers = fields.all("interviewer")
        return form
    }

    /// The form's date and time read in its time zone; a problem is about the `zone` or the `at` field.
    private static func time(_ form: CandidatePages.RoundForm) throws(FieldError) -> Date {
        let zone: TimeZone
        do { zone = try ISO8601.timeZone(named: form.zone) } catch { throw FieldError(field: "zone", error.message) }
        guard let date = ISO8601.parse(form.at, timeZone: zone) else {
            throw FieldError(field: "at", form.at.isEmpty ? "give the date and time" : "'\(form.at)' is not a date and time such as 2026-12-03T14:30")
        }
        return date
    }

    /// A refusal shown next to its field when the form has one, else above the form.
    private static func note(_ problem: FormProblem, on form: inout CandidatePages.RoundForm) {
        let field = problem.field == "interviewers" ? "interviewer" : problem.field
        if let field, ["position", "kind", "at", "zone", "interviewer"].contains(field) {
            form.errors[field] = problem.message
        } else {
            form.message = problem.message
        }
    }
}
