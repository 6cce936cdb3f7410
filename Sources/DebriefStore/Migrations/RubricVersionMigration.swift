import GRDB

/// Keeps the exact text of every rubric version a scorecard was made under, keyed by its content
/// hash, so editing a rubric file never silently changes past scores.
enum RubricVersionMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE rubric_version (
                    content_hash TEXT PRIMARY KEY CHECK (length(content_hash) = 64),
                    rubric_id TEXT NOT NULL CHECK (length(rubric_id) > 0),
                    version TEXT NOT NULL,
                    yaml TEXT NOT NULL CHECK (length(yaml) > 0),
                    first_used_at DATETIME NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX scorecard_on_round_interviewer ON scorecard(round_id, interviewer_id, version);
                CREATE TRIGGER rubric_version_is_immutable BEFORE UPDATE ON rubric_version
                BEGIN SELECT RAISE(ABORT, 'rubric versions are immutable'); END;
                """)
    }
}
