import GRDB

/// People sign in with a password (only its bcrypt hash is kept) and get a browser session (only
/// its SHA-256 digest is kept) that ends after idling or at an absolute limit, or when they sign out.
/// Failed attempts are kept to refuse guessing; invites are one-time links to set a password.
enum PasswordSessionMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE user ADD COLUMN password_hash TEXT CHECK (password_hash IS NULL OR password_hash LIKE '$2%');
                ALTER TABLE user ADD COLUMN deactivated_at DATETIME;
                CREATE TABLE web_session (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    digest TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
                    created_at DATETIME NOT NULL,
                    last_seen_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL CHECK (expires_at > created_at),
                    ended_at DATETIME
                );
                CREATE INDEX web_session_on_user ON web_session(user_id);
                CREATE TABLE sign_in_attempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    email TEXT NOT NULL,
                    client TEXT NOT NULL,
                    succeeded BOOLEAN NOT NULL
                );
                CREATE INDEX sign_in_attempt_on_email ON sign_in_attempt(email, at);
                CREATE INDEX sign_in_attempt_on_client ON sign_in_attempt(client, at);
                CREATE TABLE invite (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    digest TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL CHECK (expires_at > created_at),
                    used_at DATETIME
                );
                """)
    }
}
