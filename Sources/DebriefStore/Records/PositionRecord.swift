import DebriefCore
import Foundation
import GRDB

/// A row of `position`.
struct PositionRecord: StoredRecord {
    static let databaseTableName = "position"
    var id: Int64?
    var title: String
    var level: String?
    var rubricId: String
    var createdAt: Date

    init(row: Row) throws {
        id = row["id"]
        title = row["title"]
        level = row["level"]
        rubricId = row["rubric_id"]
        createdAt = row["created_at"]
    }

    init(_ position: Position) {
        id = position.id
        title = position.title
        level = position.level
        rubricId = position.rubricID
        createdAt = position.createdAt.storedPrecision
    }

    func domain() throws -> Position {
        try Position(id: id, title: title, level: level, rubricID: rubricId, createdAt: createdAt)
    }
}
