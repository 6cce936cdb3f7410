import DebriefCore

/// Why the store refused or failed an operation. Every case says what a person should do next.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file at `path` is not a Debrief database; it was left untouched.
    case notADebriefDatabase(path: String, reason: String)
    /// The database was written by a newer Debrief than this one.
    case newerSchema(path: String)
    /// The file could not be opened at all.
    case cannotOpen(path: String, reason: String)
    /// Nothing of `entity` matches `key`.
    case notFound(entity: String, key: String)
    /// A value that must be unique is taken.
    case duplicate(entity: String, field: String, value: String)
    /// A referenced record does not exist, or a record still in use cannot be removed.
    case brokenReference(String)
    /// A value broke a domain rule.
    case invalid(FieldError)
    /// A schema rule (CHECK, NOT NULL, trigger) refused the write.
    case constraint(String)
    /// A score sheet named things that do not exist (and may not be created); nothing was stored.
    case sheetRejected(ScoreSheetError)
    /// The record changed after the caller read it (its version no longer matches); nothing was written.
    case stale(entity: String, key: String)
    /// The database cannot take writes for now (the disk is full, the file or its folder is read-only,
    /// an I/O error, another process holds the lock too long); nothing of the change was written and
    /// the database is as it was. `reason` says which, for the operator.
    case unavailable(reason: String)
    /// Anything else SQLite reported.
    case database(String)

    public var description: String {
        switch self {
        case .notADebriefDatabase(let path, let reason):
            "\(path) is not a Debrief database (\(reason)); it was left untouched. Pass --db with another path."
        case .newerSchema(let path):
            "\(path) was written by a newer version of Debrief; upgrade Debrief to open it (the file was left untouched)"
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason)"
        case .notFound(let entity, let key):
            "no \(entity) \(key)"
        case .duplicate(let entity, let field, let value):
            value.isEmpty ? "a \(entity) with this \(field) already exists" : "a \(entity) with \(field) \(value) already exists"
        case .brokenReference(let message):
            message
        case .invalid(let error):
            error.description
        case .constraint(let message):
            "the database refused the change: \(message)"
        case .sheetRejected(let error):
            error.description
        case .stale(let entity, let key):
            "\(entity) \(key) was changed after you read it; read it again and apply your change to what it is now"
        case .unavailable(let reason):
            "the database cannot take changes right now (\(reason)); nothing was written, try again later"
        case .database(let message):
            "database error: \(message)"
        }
    }
}
