import GRDB

/// A candidate's personal data can be erased: the candidate keeps a row (so ratings, rounds and
/// statistics stay whole) marked `erased_at`, and the audit log, otherwise append-only, lets an
/// erasure blank an event's before and after summaries, and nothing else about it.
enum PersonalDataErasureMigration {
    /// What an erased summary says instead of the record it showed.
    static let erasedSummary = #"{"erased":true}"#

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE candidate ADD COLUMN erased_at DATETIME;
                DROP TRIGGER audit_event_is_append_only_update;
                CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
                WHEN NOT (NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
                    AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.request_id IS OLD.request_id
                    AND (NEW.before IS OLD.before OR NEW.before = '\(erasedSummary)')
                    AND (NEW.after IS OLD.after OR NEW.after = '\(erasedSummary)'))
                BEGIN SELECT RAISE(ABORT, 'audit_event is append-only; an erasure may only blank its summaries'); END;
                """)
    }
}
