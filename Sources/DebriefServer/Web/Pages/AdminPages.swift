import DebriefCore
import DebriefReports
import DebriefStore
import Foundation

/// The admin's pages: users with their roles, status and credentials, and the audit log.
enum AdminPages {
    struct InviteForm {
        var email = ""
        var name = ""
        var role = Role.interviewer
        var errors: [String: String] = [:]
    }

    /// What a users page shows above the table: a notice, a just-made invite link, or a refusal.
    struct Outcome {
        var notice: String?
        var invite: (email: String, link: String)?
        var message: String?
    }

    static func users(_ accounts: [UserAccount], form: InviteForm, outcome: Outcome, chrome: PageChrome) -> String {
        PageTemplate.render(
            "adminUsers", chrome: chrome,
            [
                "notice": outcome.notice ?? false, "message": outcome.message ?? false,
                "inviteLink": outcome.invite?.link ?? false, "inviteEmail": outcome.invite?.email ?? "",
                "form": ["email": form.email, "name": form.name], "errors": form.errors,
                "inviteRoles": Role.allCases.map { ["value": $0.rawValue, "selected": $0 == form.role] as [String: Any] },
                "accounts": accounts.map { account -> [String: Any] in
                    let user = account.user
                    return [
                        "id": user.id ?? 0, "name": user.name, "email": user.email.value,
                        "roles": Role.allCases.map { ["value": $0.rawValue, "selected": $0 == user.role] as [String: Any] },
                        "status": account.deactivated ? "deactivated" : account.hasPassword ? "active" : "invited, no password yet",
                        "sessions": account.openSessions, "tokens": account.liveTokens,
                        "toggleValue": account.deactivated ? "yes" : "no", "toggleLabel": account.deactivated ? "Reactivate" : "Deactivate",
                    ]
                },
            ])
    }

    static let pageSize = 50

    static func audit(
        _ events: [AuditEvent], total: Int, filter: AuditFilter, typed: (since: String, until: String),
        vocabulary: (entities: [String], actions: [String]),
        message: String?, chrome: PageChrome
    ) -> String {
        PageTemplate.render(
            "adminAudit", chrome: chrome,
            [
                "actor": filter.actor ?? "", "since": typed.since, "until": typed.until, "total": total, "pageSize": pageSize,
                "filtered": filter.actor != nil || filter.entity != nil || filter.action != nil || filter.since != nil || filter.until != nil,
                "message": message ?? false,
                "entities": vocabulary.entities.map { ["value": $0, "selected": $0 == filter.entity] as [String: Any] },
                "actions": vocabulary.actions.map { ["value": $0, "selected": $0 == filter.action] as [String: Any] },
                "events": events.map { event -> [String: Any] in
                    [
                        "at": ISO8601.utcSeconds(event.at), "actor": event.actor, "action": event.action, "entity": event.entity,
                        "entityID": event.entityID ?? false, "before": event.before ?? false, "after": event.after ?? false,
                        "hasChange": event.before != nil || event.after != nil, "requestID": event.requestID ?? false,
                    ]
                },
                "newer": filter.offset > 0 ? link(filter, typed: typed, offset: max(0, filter.offset - pageSize)) : false,
                "older": filter.offset + events.count < total ? link(filter, typed: typed, offset: filter.offset + pageSize) : false,
            ])
    }

    private static func link(_ filter: AuditFilter, typed: (since: String, until: String), offset: Int) -> String {
        PageLink.to(
            "/admin/audit",
            [
                ("actor", filter.actor), ("entity", filter.entity), ("action", filter.action), ("since", typed.since), ("until", typed.until),
                ("offset", String(offset)),
            ])
    }
}
