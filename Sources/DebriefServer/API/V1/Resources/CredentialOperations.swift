import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `/api/v1/tokens` and `/api/v1/sessions`: one's own credentials; an admin's for anyone.
enum CredentialOperations {
    private struct NewToken: Decodable {
        let label: String
        let days: Int?
        let userId: Int64?
    }

    private struct IssuedToken: Encodable {
        let token: String
        let userId: Int64
        let label: String
        let expiresAt: Date
    }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [Credential.Kind.token, .session].flatMap { kind in list(kind, service) } + [
            APIOperation(
                method: .post, path: "/api/v1/tokens", operationID: "issueToken", tag: "Account",
                summary: "Issue an access token (shown once; only its SHA-256 is kept)",
                access: "anyone signed in, for themselves; admins for anyone",
                body: .json(.ref("NewToken")),
                outcomes: [.init(status: .created, description: "the token's secret, shown only now", schema: .ref("IssuedToken"))]
            ) { input in
                let body = try input.decode(NewToken.self)
                let issued = try await service.issueToken(to: body.userId, label: body.label, days: body.days ?? 90, by: try input.principal)
                return try APIReply.json(
                    IssuedToken(token: issued.token.secret, userId: issued.user.id ?? 0, label: issued.label, expiresAt: issued.expiresAt),
                    status: .created)
            }
        ]
    }

    private static func list(_ kind: Credential.Kind, _ service: DebriefService) -> [APIOperation] {
        let plural = kind == .token ? "tokens" : "sessions"
        let tag = "Account"
        return [
            APIOperation(
                method: .get, path: "/api/v1/\(plural)", operationID: kind == .token ? "listTokens" : "listSessions", tag: tag,
                summary: kind == .token ? "Access tokens, newest first, never their secrets" : "Browser sessions, newest first",
                access: "anyone signed in, for themselves; admins for anyone",
                parameters: [
                    .query("user", .id, "whose (admins only; the caller's own by default)"),
                    .query("everyone", .boolean, "every user's (admins only)"),
                ],
                outcomes: [
                    .init(status: .ok, description: "the \(plural)", schema: .object([("items", .array(.ref("Credential")))], required: ["items"]))
                ]
            ) { input in
                let items = try await service.credentials(
                    kind, of: input.integer("user"), everyone: input.query("everyone") == "true", by: try input.principal)
                return try APIReply.json(APIList(items: items))
            },
            APIOperation(
                method: .delete, path: "/api/v1/\(plural)/{\(kind.rawValue)}", operationID: kind == .token ? "revokeToken" : "endSession",
                tag: tag, summary: kind == .token ? "Revoke an access token" : "End a browser session",
                access: "its owner; admins for anyone",
                outcomes: [.init(status: .noContent, description: kind == .token ? "revoked" : "ended", mediaTypes: [])]
            ) { input in
                try await service.endCredential(kind, id: try input.id(kind.rawValue), by: try input.principal)
                return APIReply(status: .noContent, headers: [:], body: Data())
            },
        ]
    }
}
