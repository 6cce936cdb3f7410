import DebriefCore
import DebriefStore
import Foundation
import HummingbirdBcrypt

/// A browser session just started: its secret goes into the cookie and nowhere else.
public struct StartedSession: Sendable {
    public let token: AccessToken
    public let user: User
    public let expiresAt: Date
}

/// A one-time link to set a password.
public struct Invite: Sendable {
    public let token: AccessToken
    public let user: User
    public let expiresAt: Date

    /// The address of the page that takes it, under `base` (such as `http://127.0.0.1:8080`).
    public func link(base: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/invite/" + token.secret
    }
}

extension DebriefService {
    /// Why a sign-in failed, in the same words whatever the reason: nobody learns which emails exist.
    public static let signInRefusal = "That email and password do not match an account that may sign in."

    /// A hash to check a password against when the email is unknown, so that answer takes as long as a wrong password.
    private static let unknownAccountHash = Bcrypt.hash("no account has this password", cost: 12)

    /// Signs a person in with their email and password from `client` (an address): refused with
    /// `ServiceError.tooManyAttempts` after too many failures (see `SignInThrottle`), with
    /// `ServiceError.signInRefused` for an unknown email, a wrong password or a deactivated account.
    /// Every attempt, failure and lockout is in the audit log; the password never is.
    public func signIn(email text: String, password: String, client: String, now: Date = Date()) async throws -> StartedSession {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let failures = try await database.signInFailures(email: email, client: client, since: now.addingTimeInterval(-SignInThrottle.window))
        var found: SignInAccount?
        if let address = try? EmailAddress(email) { found = try await database.signInAccount(email: address) }
        if let wait = SignInThrottle.retryAfter(accountFailures: failures.account, clientFailures: failures.client, now: now) {
            try await database.recordLockout(email: email, client: client, userID: found?.user.id)
            ServiceMetrics.signInFailed(reason: "locked_out")
            throw ServiceError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
        }
        let hash = found?.passwordHash ?? Self.unknownAccountHash
        let matches = await PasswordHashing.verify(password, hash: hash) && found?.passwordHash != nil
        guard let found, matches, !found.deactivated, let userID = found.user.id else {
            try await database.recordSignInAttempt(email: email, client: client, succeeded: false, userID: found?.user.id, now: now)
            ServiceMetrics.signInFailed(reason: "refused")
            throw ServiceError.signInRefused
        }
        return try await startSession(for: found.user, userID: userID, client: client, now: now)
    }

    /// Records the successful sign-in and starts the person's browser session.
    private func startSession(for user: User, userID: Int64, client: String, now: Date) async throws -> StartedSession {
        try await database.recordSignInAttempt(email: user.email.value, client: client, succeeded: true, userID: userID, now: now)
        let token = AccessToken.generate(.session)
        let expires = try await database.startWebSession(token, userID: userID, now: now)
        return StartedSession(token: token, user: user, expiresAt: expires)
    }

    /// Who a browser's session secret signs in, or nil.
    public func session(presenting secret: String, now: Date = Date()) async throws -> WebSession? {
        guard let token = AccessToken(presented: secret, kind: .session) else { return nil }
        return try await database.webSession(presenting: token, now: now)
    }

    /// Ends the session of a secret (signing out).
    public func signOut(presenting secret: String) async throws {
        guard let token = AccessToken(presented: secret, kind: .session) else { return }
        try await database.endWebSession(presenting: token)
    }

    /// Sets a user's password after checking it against `PasswordPolicy`; their sessions end.
    public func setPassword(_ password: String, for email: EmailAddress, by principal: Principal) async throws {
        let user = try await database.user(email: email)
        try PasswordPolicy.validate(password, for: user)
        try await database.setPasswordHash(await PasswordHashing.hash(password, cost: passwordCost), for: email, by: principal)
    }

    /// Invites a person: adds them with `role` when they are new (named `name`, else after their
    /// email), and makes a one-time link to set their password, valid for 72 hours.
    public func invite(_ email: EmailAddress, name: String?, role: Role, by principal: Principal) async throws -> Invite {
        try require(.manageUsers, principal)
        if (try? await database.user(email: email)) == nil {
            _ = try await database.addUser(try User(name: name ?? email.nameGuess, email: email, role: role), by: principal)
        }
        let token = AccessToken.generate(.invite)
        let (user, expires) = try await database.createInvite(token, for: email, by: principal)
        return Invite(token: token, user: user, expiresAt: expires)
    }

    /// The person an invite secret is for, while it can still be used.
    public func invitedUser(presenting secret: String) async throws -> User? {
        guard let token = AccessToken(presented: secret, kind: .invite) else { return nil }
        return try await database.invitedUser(presenting: token)
    }

    /// Uses an invite: checks the password against the policy, stores its hash and signs the person in.
    public func acceptInvite(presenting secret: String, password: String, client: String) async throws -> StartedSession {
        guard let token = AccessToken(presented: secret, kind: .invite), let user = try await database.invitedUser(presenting: token) else {
            throw ServiceError.inviteUnusable
        }
        try PasswordPolicy.validate(password, for: user)
        let passwordHash = await PasswordHashing.hash(password, cost: passwordCost)
        guard let redeemed = try await database.redeemInvite(token, passwordHash: passwordHash), let userID = redeemed.id
        else { throw ServiceError.inviteUnusable }
        return try await startSession(for: redeemed, userID: userID, client: client, now: Date())
    }
}
