import GRDB

/// The schema's history. Migrations have string names and are never edited once shipped:
/// a change to the schema is a new migration appended here.
enum SchemaMigrator {
    /// `PRAGMA application_id` of every Debrief database: "DBRF" in ASCII.
    static let applicationID: Int32 = 0x4442_5246

    /// The name of the newest migration: the schema version this build writes.
    static var latest: String { migrator.migrations.last ?? "none" }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core-schema", migrate: CoreSchemaMigration.migrate)
        migrator.registerMigration("v2-rubric-versions", migrate: RubricVersionMigration.migrate)
        migrator.registerMigration("v3-question-competencies", migrate: QuestionCompetencyMigration.migrate)
        migrator.registerMigration("v4-import-profiles", migrate: ImportProfileMigration.migrate)
        migrator.registerMigration("v5-access-tokens", migrate: AccessTokenMigration.migrate)
        migrator.registerMigration("v6-passwords-and-sessions", migrate: PasswordSessionMigration.migrate)
        migrator.registerMigration("v7-round-kits", migrate: RoundKitMigration.migrate)
        migrator.registerMigration("v8-scorecard-authorship", migrate: ScorecardAuthorshipMigration.migrate)
        migrator.registerMigration("v9-question-search", migrate: QuestionSearchMigration.migrate)
        migrator.registerMigration("v10-audit-request-ids", migrate: AuditRequestMigration.migrate)
        migrator.registerMigration("v11-idempotency-keys", migrate: IdempotencyMigration.migrate)
        migrator.registerMigration("v12-question-titles", migrate: QuestionTitleMigration.migrate)
        migrator.registerMigration("v13-question-title-search", migrate: QuestionTitleSearchMigration.migrate)
        migrator.registerMigration("v14-question-search-by-set", migrate: QuestionSearchBySetMigration.migrate)
        migrator.registerMigration("v15-personal-data-erasure", migrate: PersonalDataErasureMigration.migrate)
        migrator.registerMigration("v16-report-data-version", migrate: ReportDataVersionMigration.migrate)
        migrator.registerMigration("v17-question-rating-index", migrate: QuestionRatingIndexMigration.migrate)
        migrator.registerMigration("v18-indexes-once", migrate: RedundantIndexMigration.migrate)
        migrator.registerMigration("v19-report-version-triggers", migrate: ReportVersionTriggerMigration.migrate)
        return migrator
    }()
}
