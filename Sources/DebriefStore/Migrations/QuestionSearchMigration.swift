import DebriefCore
import GRDB

/// Full-text search over the question bank (SQLite FTS5): question text and the words of the model
/// answer, kept in step by triggers, so every transaction that writes questions updates the index.
enum QuestionSearchMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE question ADD COLUMN answer_text TEXT")
        // Questions stored before this migration get their answers' words first, then the index is built at once.
        let answers = try Row.fetchAll(db, sql: "SELECT id, answer_html FROM question WHERE answer_html IS NOT NULL")
        for row in answers {
            let html: String = row["answer_html"]
            try db.execute(
                sql: "UPDATE question SET answer_text = ? WHERE id = ?", arguments: [HTMLEscape.plainText(ofSanitised: html), row["id"] as Int64])
        }
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE question_search USING fts5(
                    text, answer_text, content = 'question', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE TRIGGER question_search_on_insert AFTER INSERT ON question BEGIN
                    INSERT INTO question_search(rowid, text, answer_text) VALUES (new.id, new.text, new.answer_text);
                END;
                CREATE TRIGGER question_search_on_delete AFTER DELETE ON question BEGIN
                    INSERT INTO question_search(question_search, rowid, text, answer_text) VALUES ('delete', old.id, old.text, old.answer_text);
                END;
                CREATE TRIGGER question_search_on_update AFTER UPDATE ON question BEGIN
                    INSERT INTO question_search(question_search, rowid, text, answer_text) VALUES ('delete', old.id, old.text, old.answer_text);
                    INSERT INTO question_search(rowid, text, answer_text) VALUES (new.id, new.text, new.answer_text);
                END;
                """)
        try db.execute(sql: "INSERT INTO question_search(question_search) VALUES ('rebuild')")
    }
}
