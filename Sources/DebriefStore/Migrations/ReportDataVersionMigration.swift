import GRDB

/// Every write to what a position's report shows advances that position's data version, in the
/// write's own transaction, so a report cached under a version is never served after a change.
///
/// `report_data_version` holds one counter per position, and row 0 for what any position's report
/// may show (interviewers' names, question texts). Triggers keep them, so no code path that writes
/// can forget to: rounds, panels, scorecards and ratings advance their position; a candidate's
/// change advances every position they have rounds for.
enum ReportDataVersionMigration {
    static func migrate(_ db: Database) throws {
        var sql = """
            CREATE TABLE report_data_version (
                position_id INTEGER PRIMARY KEY,
                version INTEGER NOT NULL
            );
            """
        for (name, event, positions) in triggers {
            sql += trigger(name: name, event: event, positions: positions)
        }
        try db.execute(sql: sql)
    }

    /// Each trigger's name, the change it follows, and the statement that selects the positions
    /// the changed row belongs to. Migrations v16 and v19 both make their triggers from this list,
    /// so it is never edited: a new table to follow is a new migration with triggers of its own.
    static let triggers: [(name: String, event: String, positions: String)] = {
        // Each table, how to name the positions a changed row belongs to (`ROW` stands for NEW or OLD).
        let positions: [(table: String, select: String)] = [
            ("position", "SELECT ROW.id"),
            ("round", "SELECT ROW.position_id"),
            ("round_interviewer", "SELECT r.position_id FROM round r WHERE r.id = ROW.round_id"),
            ("scorecard", "SELECT r.position_id FROM round r WHERE r.id = ROW.round_id"),
            ("rating", "SELECT r.position_id FROM scorecard s JOIN round r ON r.id = s.round_id WHERE s.id = ROW.scorecard_id"),
        ]
        var triggers: [(name: String, event: String, positions: String)] = []
        for (table, select) in positions {
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                triggers.append(
                    (
                        "\(table)_advances_report_\(event.lowercased())", "\(event) ON \(table)",
                        select.replacingOccurrences(of: "ROW.", with: "\(row).")
                    ))
            }
        }
        triggers.append(
            ("candidate_advances_report_update", "UPDATE ON candidate", "SELECT DISTINCT position_id FROM round WHERE candidate_id = NEW.id"))
        triggers.append(("user_advances_reports_update", "UPDATE OF name, email ON user", "SELECT 0"))
        triggers.append(("question_advances_reports_update", "UPDATE ON question", "SELECT 0"))
        return triggers
    }()

    /// A trigger that advances the version of each position `positions` selects.
    private static func trigger(name: String, event: String, positions: String) -> String {
        // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the upsert, not to a join.
        """

        CREATE TRIGGER \(name) AFTER \(event) BEGIN
            INSERT INTO report_data_version (position_id, version) SELECT * FROM (\(positions)), (SELECT 1) WHERE true
            ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
        END;
        """
    }
}
