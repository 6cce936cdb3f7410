import GRDB

/// Access tokens sign people in to the web server. Only a token's SHA-256 digest is kept; a token
/// expires, can be revoked, and goes when its user does.
enum AccessTokenMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE access_token (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    digest TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
                    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL CHECK (expires_at > created_at),
                    revoked_at DATETIME
                );
                CREATE INDEX access_token_on_user ON access_token(user_id);
                """)
    }
}
