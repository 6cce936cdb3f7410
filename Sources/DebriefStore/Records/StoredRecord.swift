import GRDB

/// What every table record shares: Codable columns in snake_case and an autoincremented id
/// that is filled in on insert.
protocol StoredRecord: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension StoredRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    /// The row with this id, or nil, through one statement prepared once per connection: the query
    /// interface's `fetchOne(db, key:)` generates and prepares its SQL on every call, which was a
    /// tenth of a scorecard submission's time.
    static func fetchOne(_ db: Database, id: Int64) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName) WHERE id = ?"), arguments: [id])
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// SQL written once for a statement that is prepared once per connection (`cachedStatement`).
enum StatementText {
    /// `INSERT INTO table (a, b, …) VALUES (?, ?, …)`, its arguments in the order of `columns`.
    static func insert(into table: String, columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }
}
