import GRDB

/// Imported questions are indexed for search once per set, by the one statement that stores a set
/// (`AppDatabase.createQuestionSet`), instead of by a trigger per row.
///
/// A trigger runs each row's FTS5 insert in a statement savepoint, and FTS5 flushes its pending terms
/// to disk at every savepoint: storing a set of 77,300 questions wrote as many tiny index segments
/// and merged them (about 8 s in SQLite alone, against 2.3 s for the rows and one `INSERT … SELECT`).
/// The update and delete triggers stay: those writes come one row at a time anyway. The search
/// tests check the index against the rows (FTS5's `integrity-check`) after every kind of write.
enum QuestionSearchBySetMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER question_search_on_insert")
    }
}
