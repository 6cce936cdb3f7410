import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `/api/v1/users` and `/api/v1/audit-events`: people, their roles and credentials, and what changed.
enum AdminOperations {
    /// A user as the API shows them: who, which role, whether they may sign in, what credentials they hold.
    struct UserResource: Encodable {
        let id: Int64
        let name: String
        let email: String
        let role: Role
        let createdAt: Date
        let active: Bool
        let hasPassword: Bool
        let openSessions: Int
        let liveTokens: Int

        init(_ account: UserAccount) {
            id = account.user.id ?? 0
            name = account.user.name
            email = account.user.email.value
            role = account.user.role
            createdAt = account.user.createdAt
            active = !account.deactivated
            hasPassword = account.hasPassword
            openSessions = account.openSessions
            liveTokens = account.liveTokens
        }
    }

    private struct NewUser: Decodable {
        let email: String
        let name: String?
        let role: String
    }

    private struct Invitation: Encodable {
        let user: UserResource
        let invitePath: String
        let expiresAt: Date
    }

    private struct AuditPosition: Codable {
        let id: Int64
    }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [
            APIOperation(
                method: .get, path: "/api/v1/users", operationID: "listUsers", tag: "Users", summary: "List users by id", access: "admins",
                parameters: APIParameters.list,
                outcomes: [.init(status: .ok, description: "a page of users", schema: APISchemas.page(of: "User"))]
            ) { input in
                let users = try await service.accounts(by: try input.principal).map(UserResource.init).sorted { $0.id < $1.id }
                return try APIPage.slice(users, id: \.id, for: input)
            },
            APIOperation(
                method: .post, path: "/api/v1/users", operationID: "inviteUser", tag: "Users",
                summary: "Invite a person (adding them if new): the answer holds the one-time address where they choose a password",
                access: "admins", body: .json(.ref("NewUser")),
                outcomes: [
                    .init(
                        status: .created, description: "the user and their invitation", schema: .ref("Invitation"),
                        links: [("getUser", "user", "/user/id"), ("updateUser", "user", "/user/id")])
                ]
            ) { input in
                let principal = try input.principal
                let body = try input.decode(NewUser.self)
                guard let role = Role(rawValue: body.role) else { throw Problem.validation([FieldProblem(field: "/role", detail: "is not a role")]) }
                let invite = try await service.invite(try EmailAddress(body.email), name: body.name, role: role, by: principal)
                let account = try await account(invite.user.id ?? 0, service, principal)
                return try APIReply.json(
                    Invitation(user: account, invitePath: invite.link(base: ""), expiresAt: invite.expiresAt), status: .created,
                    location: "/api/v1/users/\(account.id)")
            },
            APIOperation(
                method: .get, path: "/api/v1/users/{user}", operationID: "getUser", tag: "Users", summary: "One user", access: "admins",
                outcomes: [.init(status: .ok, description: "the user; its ETag is what a PATCH names in If-Match", schema: .ref("User"))]
            ) { input in
                try APIReply.json(try await account(try input.id("user"), service, try input.principal))
            },
            APIOperation(
                method: .patch, path: "/api/v1/users/{user}", operationID: "updateUser", tag: "Users",
                summary: "Change a user's role, or deactivate (ending their sessions) or reactivate them", access: "admins",
                body: .mergePatch(.ref("UserPatch")),
                outcomes: [.init(status: .ok, description: "the user as they are now", schema: .ref("User"))]
            ) { input in
                let principal = try input.principal
                let id = try input.id("user")
                let current = try await account(id, service, principal)
                try APIPreconditions.require(input.ifMatch ?? "", matches: current, entity: "user", key: "#\(id)")
                let email = try EmailAddress(current.email)
                if case .string(let text) = input.member("role"), let role = Role(rawValue: text), role != current.role {
                    _ = try await service.changeRole(of: email, to: role, by: principal)
                }
                if case .bool(let active) = input.member("active"), active != current.active {
                    try await service.setActive(active, email: email, by: principal)
                }
                return try APIReply.json(try await account(id, service, principal))
            },
            APIOperation(
                method: .get, path: "/api/v1/audit-events", operationID: "listAuditEvents", tag: "Audit",
                summary: "The audit log, newest first", access: "admins",
                parameters: APIParameters.list + [
                    .query("actor", .string(maxLength: 200), "part of the actor's label (an email, cli:NAME)"),
                    .query("entity", .string(maxLength: 50), "only events about this kind of record"),
                    .query("entity_id", .id, "only events about this record"), .query("action", .string(maxLength: 50), "only this action"),
                    .query("since", .dateTime, "events at or after this time"), .query("until", .dateTime, "events before this time"),
                ],
                outcomes: [.init(status: .ok, description: "a page of events", schema: APISchemas.page(of: "AuditEvent"))]
            ) { input in
                let limit = APIPage<AuditEvent>.limit(input)
                let filter = AuditFilter(
                    actor: input.query("actor"), entity: input.query("entity"), entityID: input.integer("entity_id"), action: input.query("action"),
                    since: input.date("since"), until: input.date("until"),
                    beforeID: try APIPage<AuditEvent>.cursor(input, as: AuditPosition.self)?.id,
                    limit: limit + 1)
                let (events, _) = try await service.auditLog(filter, by: try input.principal)
                let page = Array(events.prefix(limit))
                return try APIPage.reply(page, after: page.last.map { AuditPosition(id: $0.id ?? 0) }, more: events.count > limit, for: input)
            },
            APIOperation(
                method: .get, path: "/api/v1/me", operationID: "getMe", tag: "Account", summary: "Who the caller is", access: "anyone signed in",
                outcomes: [.init(status: .ok, description: "the caller", schema: .ref("Me"))]
            ) { input in
                let principal = try input.principal
                return try APIReply.json(Me(label: principal.label, userId: principal.userID, role: principal.role))
            },
        ]
    }

    private struct Me: Encodable {
        let label: String
        let userId: Int64?
        let role: Role
    }

    private static func account(_ id: Int64, _ service: DebriefService, _ principal: Principal) async throws -> UserResource {
        guard let account = try await service.accounts(by: principal).first(where: { $0.user.id == id }) else {
            throw StoreError.notFound(entity: "user", key: "#\(id)")
        }
        return UserResource(account)
    }
}
