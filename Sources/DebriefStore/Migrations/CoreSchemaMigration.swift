import GRDB

/// The first schema: people, positions, the pipeline, the question bank, scorecards and the audit log.
/// The schema itself holds the invariants (NOT NULL, CHECK, UNIQUE, foreign keys), so no code path
/// can store what the domain forbids.
enum CoreSchemaMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(SchemaMigrator.applicationID)")
        try db.execute(sql: peopleAndPipeline)
        try db.execute(sql: questionBank)
        try db.execute(sql: scorecards)
        try db.execute(sql: auditLog)
    }

    private static let peopleAndPipeline = """
        CREATE TABLE user (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
            role TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'interviewer')),
            created_at DATETIME NOT NULL
        );
        CREATE TABLE position (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            level TEXT,
            rubric_id TEXT NOT NULL CHECK (length(rubric_id) > 0),
            created_at DATETIME NOT NULL
        );
        CREATE TABLE candidate (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
            phone TEXT,
            source TEXT,
            stage TEXT NOT NULL DEFAULT 'applied'
                CHECK (stage IN ('applied', 'screening', 'interviewing', 'offer', 'hired', 'rejected', 'withdrawn')),
            created_at DATETIME NOT NULL
        );
        CREATE INDEX candidate_on_stage ON candidate(stage);
        CREATE TABLE round (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            position_id INTEGER NOT NULL REFERENCES position(id) ON DELETE RESTRICT,
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            scheduled_at DATETIME NOT NULL
        );
        CREATE INDEX round_on_candidate ON round(candidate_id);
        CREATE INDEX round_on_position ON round(position_id);
        CREATE TABLE round_interviewer (
            round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE RESTRICT,
            PRIMARY KEY (round_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX round_interviewer_on_user ON round_interviewer(user_id);
        """

    private static let questionBank = """
        CREATE TABLE question_set (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            source TEXT NOT NULL CHECK (length(source) > 0),
            content_hash TEXT NOT NULL CHECK (length(content_hash) > 0),
            version INTEGER NOT NULL CHECK (version >= 1),
            imported_at DATETIME NOT NULL,
            UNIQUE (source, version),
            UNIQUE (source, content_hash)
        );
        CREATE TABLE question (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            set_id INTEGER NOT NULL REFERENCES question_set(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            answer_html TEXT,
            section TEXT,
            level TEXT,
            kind TEXT CHECK (kind IS NULL OR kind IN ('technical', 'behavioural')),
            tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array')
        );
        CREATE INDEX question_on_set ON question(set_id, ordinal);
        """

    private static let scorecards = """
        CREATE TABLE scorecard (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
            interviewer_id INTEGER NOT NULL REFERENCES user(id) ON DELETE RESTRICT,
            state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            rubric_id TEXT NOT NULL CHECK (length(rubric_id) > 0),
            rubric_hash TEXT NOT NULL CHECK (length(rubric_hash) > 0),
            scale_min INTEGER NOT NULL,
            scale_max INTEGER NOT NULL,
            recommendation TEXT CHECK (recommendation IS NULL
                OR recommendation IN ('strong_no', 'no', 'yes', 'strong_yes', 'no_decision')),
            notes TEXT NOT NULL DEFAULT '',
            submitted_at DATETIME,
            CHECK (scale_min >= 0 AND scale_min < scale_max AND scale_max <= 100),
            CHECK (state = 'draft' OR (recommendation IS NOT NULL AND submitted_at IS NOT NULL)),
            UNIQUE (round_id, interviewer_id, version)
        );
        CREATE INDEX scorecard_on_interviewer ON scorecard(interviewer_id);
        CREATE TABLE rating (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            scorecard_id INTEGER NOT NULL REFERENCES scorecard(id) ON DELETE CASCADE,
            competency_id TEXT NOT NULL CHECK (length(competency_id) > 0),
            question_id INTEGER REFERENCES question(id) ON DELETE RESTRICT,
            value INTEGER CHECK (value IS NULL OR value BETWEEN 0 AND 100),
            note TEXT
        );
        CREATE UNIQUE INDEX rating_once_per_competency_and_question
            ON rating(scorecard_id, competency_id, ifnull(question_id, 0));
        CREATE TRIGGER rating_on_the_scorecard_scale_insert
        BEFORE INSERT ON rating
        WHEN NEW.value IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM scorecard s WHERE s.id = NEW.scorecard_id AND NEW.value BETWEEN s.scale_min AND s.scale_max)
        BEGIN
            SELECT RAISE(ABORT, 'rating is off the scorecard''s scale');
        END;
        CREATE TRIGGER rating_on_the_scorecard_scale_update
        BEFORE UPDATE ON rating
        WHEN NEW.value IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM scorecard s WHERE s.id = NEW.scorecard_id AND NEW.value BETWEEN s.scale_min AND s.scale_max)
        BEGIN
            SELECT RAISE(ABORT, 'rating is off the scorecard''s scale');
        END;
        """

    private static let auditLog = """
        CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at DATETIME NOT NULL,
            actor TEXT NOT NULL CHECK (length(actor) > 0),
            action TEXT NOT NULL CHECK (length(action) > 0),
            entity TEXT NOT NULL CHECK (length(entity) > 0),
            entity_id INTEGER,
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after))
        );
        CREATE INDEX audit_event_on_entity ON audit_event(entity, entity_id);
        CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
        CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
        """
}
