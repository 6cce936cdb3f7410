import GRDB

/// Questions remember which rubric competencies they probe, so interviewers can pick questions
/// for the competencies a round covers.
enum QuestionCompetencyMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE question ADD COLUMN competencies TEXT NOT NULL DEFAULT '[]'
                    CHECK (json_valid(competencies) AND json_type(competencies) = 'array');
                CREATE INDEX question_set_on_source ON question_set(source, version);
                """)
    }
}

/// Named sets of XPath overrides for pages with unusual layouts (`debrief import --save-profile NAME`).
enum ImportProfileMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE import_profile (
                    name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
                    section_xpath TEXT,
                    question_xpath TEXT NOT NULL CHECK (length(question_xpath) > 0),
                    answer_xpath TEXT,
                    updated_at DATETIME NOT NULL
                ) WITHOUT ROWID;
                """)
    }
}
