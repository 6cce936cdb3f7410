import Foundation
import GRDB

/// A row of `access_token`: the digest of a token, never the token.
struct AccessTokenRecord: StoredRecord {
    static let databaseTableName = "access_token"
    var id: Int64?
    var userId: Int64
    var digest: String
    var label: String
    var createdAt: Date
    var expiresAt: Date
    var revokedAt: Date?

    /// What the audit log keeps of a token: whose it is and until when, not its digest.
    struct AuditView: Encodable {
        let userId: Int64
        let label: String
        let expiresAt: Date
        let revokedAt: Date?
    }

    var auditView: AuditView { AuditView(userId: userId, label: label, expiresAt: expiresAt, revokedAt: revokedAt) }
}
