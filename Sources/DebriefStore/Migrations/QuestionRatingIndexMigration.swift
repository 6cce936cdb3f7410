import GRDB

/// The ratings given for a question, indexed: question health starts from them, and on a bank
/// where few ratings carry a question it found them by reading every rating (4 s at a million).
enum QuestionRatingIndexMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX rating_on_question ON rating(question_id) WHERE question_id IS NOT NULL")
    }
}
