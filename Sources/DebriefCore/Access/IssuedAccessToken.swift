import Foundation

/// A token just issued to a user: the only moment its secret is known.
public struct IssuedAccessToken: Sendable {
    public let token: AccessToken
    public let user: User
    /// What the token is for ("laptop", "reporting script"), so its owner can tell tokens apart.
    public let label: String
    public let expiresAt: Date

    public init(token: AccessToken, user: User, label: String, expiresAt: Date) {
        self.token = token
        self.user = user
        self.label = label
        self.expiresAt = expiresAt
    }
}
