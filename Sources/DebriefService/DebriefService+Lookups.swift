import DebriefCore
import DebriefStore
import Foundation

/// The single records front ends show, each behind the policy of the page that shows it, so no
/// controller or command reaches into the store for them.
extension DebriefService {
    /// Every position: titles and rubrics, open to anyone signed in.
    public func positions() async throws -> [Position] {
        try await database.positions()
    }

    /// A round, for managing it.
    public func round(_ id: Int64, by principal: Principal) async throws -> Round {
        try require(.managePipeline, principal)
        return try await database.round(id: id)
    }

    /// Every user, deactivated ones included, for managing panels.
    public func users(by principal: Principal) async throws -> [User] {
        try require(.managePipeline, principal)
        return try await database.users()
    }

    /// A user by id, for managing them.
    public func user(_ id: Int64, by principal: Principal) async throws -> User {
        try require(.manageUsers, principal)
        return try await database.user(id: id)
    }

    /// A question set with its questions.
    public func questionSet(_ id: Int64, by principal: Principal) async throws -> QuestionSet {
        try require(.managePipeline, principal)
        return try await database.questionSet(id: id)
    }

    /// The kinds of record and the actions the audit log holds, for its filters.
    public func auditVocabulary(by principal: Principal) async throws -> (entities: [String], actions: [String]) {
        try require(.manageUsers, principal)
        return try await database.auditVocabulary()
    }

    /// Who a script's access token signs in, or nil when it is unknown, expired or revoked.
    public func accessTokenSession(presenting token: AccessToken, now: Date = Date()) async throws -> AccessTokenSession? {
        try await database.session(presenting: token, now: now)
    }

    /// Whether the database answers: for health checks.
    public func ping() async throws(StoreError) {
        try await database.ping()
    }

    /// Whether the database answers and holds every migration this build writes; why not, otherwise.
    public func readiness() async -> String? {
        do {
            let pending = try await database.pendingMigrations()
            return pending.isEmpty ? nil : "the database lacks the migrations \(pending.joined(separator: ", "))"
        } catch {
            return error.description
        }
    }
}

extension DebriefService {
    /// One position, open to anyone signed in (as the list is).
    public func position(_ id: Int64) async throws -> Position {
        try await database.position(id: id)
    }
}

extension DebriefService {
    /// The signed-in person's own user record.
    public func me(_ principal: Principal) async throws -> User {
        guard let userID = principal.userID else { throw ServiceError.forbidden("\(principal.label) is not a user of Debrief") }
        return try await database.user(id: userID)
    }
}
