import GRDB

/// Questions keep the short title a page gave them in a heading of its own ("Law of Demeter"),
/// besides the paragraph that asks them.
enum QuestionTitleMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE question ADD COLUMN title TEXT CHECK (title IS NULL OR length(title) BETWEEN 1 AND 300)")
    }
}
