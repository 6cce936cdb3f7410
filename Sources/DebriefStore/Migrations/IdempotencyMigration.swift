import GRDB

/// The API's `Idempotency-Key`s: which caller sent which key with which request, and the response
/// it got, so a retried POST is answered again instead of being done twice.
enum IdempotencyMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE idempotency_key (
                  caller TEXT NOT NULL CHECK (length(caller) BETWEEN 1 AND 200),
                  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
                  request_hash TEXT NOT NULL,
                  claimed_at REAL NOT NULL,
                  status INTEGER CHECK (status IS NULL OR status BETWEEN 200 AND 599),
                  headers TEXT,
                  body BLOB,
                  PRIMARY KEY (caller, key)
                ) WITHOUT ROWID;
                CREATE INDEX idempotency_key_claimed ON idempotency_key (claimed_at);
                """)
    }
}
