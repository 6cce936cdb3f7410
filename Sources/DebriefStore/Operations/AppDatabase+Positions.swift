import DebriefCore
import GRDB

extension AppDatabase {
    /// Adds a position.
    public func addPosition(_ position: Position, by principal: Principal) async throws(StoreError) -> Position {
        try await write { db in try Self.createPosition(db, position, by: principal) }
    }

    static func createPosition(_ db: Database, _ position: Position, by principal: Principal) throws -> Position {
        return try AuditLog.insert(PositionRecord(position), entity: "position", db, by: principal) { try $0.domain() }
    }

    /// Every position, oldest first.
    public func positions() async throws(StoreError) -> [Position] {
        try await read { db in try PositionRecord.order(Column("id")).fetchAll(db).map { try $0.domain() } }
    }

    /// The position with this id, or `notFound`.
    public func position(id: Int64) async throws(StoreError) -> Position {
        try lookUp { db in try Self.fetchPosition(db, id: id) }
    }

    static func fetchPosition(_ db: Database, id: Int64) throws -> Position {
        guard let record = try PositionRecord.fetchOne(db, id: id) else {
            throw StoreError.notFound(entity: "position", key: "#\(id)")
        }
        return try record.domain()
    }
}
