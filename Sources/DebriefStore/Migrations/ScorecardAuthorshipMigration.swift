import GRDB

/// Who typed a scorecard in (a recruiter logging it for an interviewer), and why a submitted one was amended.
enum ScorecardAuthorshipMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE scorecard ADD COLUMN entered_by_id INTEGER REFERENCES user(id);
                ALTER TABLE scorecard ADD COLUMN amend_reason TEXT CHECK (amend_reason IS NULL OR length(amend_reason) BETWEEN 1 AND 500);
                """)
    }
}
