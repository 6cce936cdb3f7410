import DebriefCore
import GRDB

extension AppDatabase {
    /// Adds a user; the email must not be taken.
    public func addUser(_ user: User, by principal: Principal) async throws(StoreError) -> User {
        try await write { db in try Self.createUser(db, user, by: principal) }
    }

    static func createUser(_ db: Database, _ user: User, by principal: Principal) throws -> User {
        if try UserRecord.filter(Column("email") == user.email.value).fetchCount(db) > 0 {
            throw StoreError.duplicate(entity: "user", field: "email", value: user.email.value)
        }
        return try AuditLog.insert(UserRecord(user), entity: "user", db, by: principal) { try $0.domain() }
    }

    /// Every user, by name.
    public func users() async throws(StoreError) -> [User] {
        try await read { db in try UserRecord.order(Column("name"), Column("id")).fetchAll(db).map { try $0.domain() } }
    }

    /// The user with this email, or `notFound`.
    public func user(email: EmailAddress) async throws(StoreError) -> User {
        try lookUp { db in try Self.fetchUser(db, email: email) }
    }

    /// The user with this id, or `notFound`.
    public func user(id: Int64) async throws(StoreError) -> User {
        try lookUp { db in
            guard let record = try UserRecord.fetchOne(db, id: id) else { throw StoreError.notFound(entity: "user", key: "#\(id)") }
            return try record.domain()
        }
    }

    static func fetchUser(_ db: Database, email: EmailAddress) throws -> User {
        // Prepared once per connection: every scorecard submission looks its interviewer up by email.
        guard let record = try UserRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE email = ?"), arguments: [email.value]) else {
            throw StoreError.notFound(entity: "user with email", key: email.value)
        }
        return try record.domain()
    }
}
