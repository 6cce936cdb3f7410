import GRDB

/// The report data version's triggers made again without temporary tables.
///
/// Each selected its positions joined to `(SELECT 1)`, and SQLite built two temporary b-trees for
/// that join every time one fired: a scorecard with four ratings fired five, and opening and
/// closing those b-trees was a third of storing its ratings (BENCHMARKS.md, session 24). The
/// positions' statement is now read as a subquery SQLite flattens into the insert, beside the 1.
enum ReportVersionTriggerMigration {
    static func migrate(_ db: Database) throws {
        var sql = ""
        for (name, event, positions) in ReportDataVersionMigration.triggers {
            // Every positions statement selects one column, the position's id (whatever its name).
            sql += """

                DROP TRIGGER \(name);
                CREATE TRIGGER \(name) AFTER \(event) BEGIN
                    INSERT INTO report_data_version (position_id, version) SELECT selected.*, 1 FROM (\(positions)) AS selected WHERE true
                    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
                END;
                """
        }
        try db.execute(sql: sql)
    }
}
