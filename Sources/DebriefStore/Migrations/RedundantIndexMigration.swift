import GRDB

/// Drops two indexes that repeated a UNIQUE constraint's own: `scorecard_on_round_interviewer`
/// (round_id, interviewer_id, version) and `question_set_on_source` (source, version). The
/// constraints' indexes serve every look-up they did, and each row stored kept both up to date.
enum RedundantIndexMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX scorecard_on_round_interviewer; DROP INDEX question_set_on_source")
    }
}
