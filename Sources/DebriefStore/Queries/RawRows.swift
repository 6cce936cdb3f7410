import Foundation
import GRDB
import GRDBSQLite

/// The row a statement stands on, read column by column straight from SQLite, for reads of a large
/// position's hundreds of thousands of rows: a `Row` decoding each column, and a `String` made for
/// every competency id and rubric hash, were most of the Swift side of reading its facts.
struct RawRow {
    /// The same row through GRDB, for columns decoded as GRDB decodes them (dates).
    let row: Row
    private let statement: SQLiteStatement

    /// Steps the statement of `sql` and calls `body` with each row.
    static func forEach(_ db: Database, sql: String, arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        try rows.forEach { row in try body(RawRow(row: row, statement: statement.sqliteStatement)) }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The column's text as UTF-8 bytes, valid until the statement steps on; empty for NULL.
    func text(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
}

/// The few distinct texts of a column (competency ids, rubric hashes, round kinds), each made into a
/// `String` once and numbered in the order first met.
struct TextNumbering {
    /// Text by number.
    private(set) var texts: [String] = []
    private var bytes: [[UInt8]] = []

    /// The number of `text`, numbering it if it is new.
    mutating func number(of text: UnsafeBufferPointer<UInt8>) -> Int {
        for number in bytes.indices where bytes[number].count == text.count {
            let same = bytes[number].withUnsafeBufferPointer { known in
                text.isEmpty || memcmp(known.baseAddress!, text.baseAddress!, text.count) == 0
            }
            if same { return number }
        }
        bytes.append(Array(text))
        texts.append(String(decoding: text, as: UTF8.self))
        return texts.count - 1
    }

    /// The `String` of `text`, shared with every earlier equal one.
    mutating func string(of text: UnsafeBufferPointer<UInt8>) -> String { texts[number(of: text)] }
}
