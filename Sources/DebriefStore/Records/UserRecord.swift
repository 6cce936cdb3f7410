import DebriefCore
import Foundation
import GRDB

/// A row of `user`.
struct UserRecord: StoredRecord {
    static let databaseTableName = "user"
    var id: Int64?
    var name: String
    var email: String
    var role: String
    var createdAt: Date

    init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        email = row["email"]
        role = row["role"]
        createdAt = row["created_at"]
    }

    init(_ user: User) {
        id = user.id
        name = user.name
        email = user.email.value
        role = user.role.rawValue
        createdAt = user.createdAt.storedPrecision
    }

    func domain() throws -> User {
        try User(id: id, name: name, email: EmailAddress(email), role: Role(parsing: role), createdAt: createdAt)
    }
}
