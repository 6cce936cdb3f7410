import GRDB

/// A round may name a question set from the bank as its interview kit.
enum RoundKitMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE round ADD COLUMN question_set_id INTEGER REFERENCES question_set(id)")
    }
}
