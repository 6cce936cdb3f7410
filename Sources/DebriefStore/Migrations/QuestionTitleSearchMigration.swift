import GRDB

/// The question bank's full-text index also holds each question's title ("Law of Demeter"), so a
/// search for a titled question's name finds it. FTS5 tables cannot gain a column, so the index and
/// its triggers are made again with `title` between the question and its answer (the question stays
/// column 0, the one search results highlight) and rebuilt from the questions.
enum QuestionTitleSearchMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER question_search_on_insert;
                DROP TRIGGER question_search_on_delete;
                DROP TRIGGER question_search_on_update;
                DROP TABLE question_search;
                CREATE VIRTUAL TABLE question_search USING fts5(
                    text, title, answer_text, content = 'question', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE TRIGGER question_search_on_insert AFTER INSERT ON question BEGIN
                    INSERT INTO question_search(rowid, text, title, answer_text) VALUES (new.id, new.text, new.title, new.answer_text);
                END;
                CREATE TRIGGER question_search_on_delete AFTER DELETE ON question BEGIN
                    INSERT INTO question_search(question_search, rowid, text, title, answer_text)
                        VALUES ('delete', old.id, old.text, old.title, old.answer_text);
                END;
                CREATE TRIGGER question_search_on_update AFTER UPDATE OF text, title, answer_text ON question BEGIN
                    INSERT INTO question_search(question_search, rowid, text, title, answer_text)
                        VALUES ('delete', old.id, old.text, old.title, old.answer_text);
                    INSERT INTO question_search(rowid, text, title, answer_text) VALUES (new.id, new.text, new.title, new.answer_text);
                END;
                INSERT INTO question_search(question_search) VALUES ('rebuild');
                """)
    }
}
