import DebriefCore
import DebriefService
import DebriefStore
import Foundation
import Hummingbird

/// The admin's pages: inviting people, changing roles, deactivating and reactivating, ending a
/// user's sessions and revoking their tokens, and reading the audit log.
struct AdminController {
    let service: DebriefService
    let secureCookies: Bool

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/admin/users", use: users)
        router.post("/admin/users", use: invite)
        router.post("/admin/users/:user/role", use: changeRole)
        router.post("/admin/users/:user/active", use: setActive)
        router.post("/admin/users/:user/revoke", use: revoke)
        router.get("/admin/audit", use: audit)
    }

    @Sendable func users(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        _ = try context.require(.manageUsers)
        let done = FormFields(query: request).notice(from: Self.notices)
        return try await page(AdminPages.InviteForm(), AdminPages.Outcome(notice: done), request, context, status: .ok)
    }

    private static let notices = ["role": "The role is changed.", "active": "Done.", "revoked": "Their sessions are ended and tokens revoked."]

    @Sendable func invite(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.manageUsers)
        let fields = try await FormFields.posted(request, context)
        var form = AdminPages.InviteForm(email: fields["email"] ?? "", name: fields["name"] ?? "")
        do {
            form.role = try Role(parsing: fields["role"] ?? "")
            let email = try EmailAddress(form.email)
            let invite = try await service.invite(email, name: fields.text("name"), role: form.role, by: principal)
            let scheme = secureCookies ? "https" : "http"
            let link = invite.link(base: "\(scheme)://\(request.head.authority ?? "127.0.0.1")")
            // The link is shown once, in this response, never put in an address or the log.
            return try await page(AdminPages.InviteForm(), AdminPages.Outcome(invite: (email.value, link)), request, context, status: .ok)
        } catch {
            guard let problem = FormProblem(error) else { throw error }
            form.errors[problem.field == "name" ? "name" : "email"] = problem.message
            return try await page(
                form, AdminPages.Outcome(message: "No invite was made: see the note below."), request, context, status: .unprocessableContent)
        }
    }

    @Sendable func changeRole(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.manageUsers)
        let fields = try await FormFields.posted(request, context)
        let user = try await service.user(try PathID.require("user", in: context), by: principal)
        return try await perform(request, context, done: "role") {
            _ = try await service.changeRole(of: user.email, to: try Role(parsing: fields["role"] ?? ""), by: principal)
        }
    }

    @Sendable func setActive(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.manageUsers)
        let fields = try await FormFields.posted(request, context)
        let user = try await service.user(try PathID.require("user", in: context), by: principal)
        return try await perform(request, context, done: "active") {
            try await service.setActive(fields["active"] == "yes", email: user.email, by: principal)
        }
    }

    @Sendable func revoke(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.manageUsers)
        _ = try await FormFields.posted(request, context)
        let user = try await service.user(try PathID.require("user", in: context), by: principal)
        return try await perform(request, context, done: "revoked") { _ = try await service.revokeCredentials(of: user.email, by: principal) }
    }

    /// Runs a change and returns to the users page; a refusal is shown there.
    private func perform(
        _ request: Request, _ context: DebriefRequestContext, done: String, _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
            return HTMLResponse.redirect(to: "/admin/users?done=\(done)")
        } catch {
            guard let problem = FormProblem(error) else { throw error }
            return try await page(
                AdminPages.InviteForm(), AdminPages.Outcome(message: problem.message), request, context, status: .unprocessableContent)
        }
    }

    private func page(
        _ form: AdminPages.InviteForm, _ outcome: AdminPages.Outcome, _ request: Request, _ context: DebriefRequestContext,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.require(.manageUsers)
        let accounts = try await service.accounts(by: principal)
        return HTMLResponse.page(AdminPages.users(accounts, form: form, outcome: outcome, chrome: context.chrome("Users", request)), status: status)
    }

    @Sendable func audit(_ request: Request, context: DebriefRequestContext) async throws -> Response {
        let principal = try context.require(.manageUsers)
        let query = FormFields(query: request)
        var filter = AuditFilter(actor: query.text("actor"), entity: query.text("entity"), action: query.text("action"), limit: AdminPages.pageSize)
        let typed = (since: query.text("since") ?? "", until: query.text("until") ?? "")
        var message: String?
        for (text, isStart) in [(typed.since, true), (typed.until, false)] where !text.isEmpty {
            guard let date = ISO8601.parse(text) else {
                message = "'\(text)' is not a date such as 2026-12-01 or 2026-12-01T09:00"
                continue
            }
            if isStart { filter.since = date } else { filter.until = date }
        }
        if let offset = query.text("offset") {
            guard let value = Int(offset), value >= 0 else { throw Problem.badRequest("offset must be 0 or more, not '\(offset)'") }
            filter.offset = value
        }
        let (events, total) = try await service.auditLog(filter, by: principal)
        let vocabulary = try await service.auditVocabulary(by: principal)
        let html = AdminPages.audit(
            events, total: total, filter: filter, typed: typed, vocabulary: vocabulary, message: message, chrome: context.chrome("Audit log", request)
        )
        return HTMLResponse.page(html, status: message == nil ? .ok : .badRequest)
    }
}
