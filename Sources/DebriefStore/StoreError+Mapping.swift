import DebriefCore
import GRDB

extension StoreError {
    /// Turns whatever a database block threw into the store's typed error, once, at the edge.
    init(mapping error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as FieldError:
            self = .invalid(error)
        case let error as DatabaseError:
            self = StoreError(databaseError: error)
        default:
            self = .database(String(describing: error))
        }
    }

    /// The result codes after which trying again later may work, and what they mean for an operator.
    private static func unavailability(_ code: ResultCode) -> String? {
        switch code {
        case .SQLITE_FULL: "the disk is full or the database reached its size limit"
        case .SQLITE_READONLY: "the database file or its folder is read-only"
        case .SQLITE_IOERR: "the disk reported an I/O error"
        case .SQLITE_CANTOPEN: "the database's files cannot be opened"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "another process held the database's lock too long"
        default: nil
        }
    }

    private init(databaseError error: DatabaseError) {
        let message = error.message ?? "\(error.resultCode)"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            // SQLite says "UNIQUE constraint failed: candidate.email"
            let columns = message.components(separatedBy: ": ").last ?? message
            let first = columns.components(separatedBy: ", ").first ?? columns
            let parts = first.split(separator: ".")
            self = .duplicate(
                entity: parts.first.map(String.init) ?? "record",
                field: parts.dropFirst().joined(separator: "."),
                value: "")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            self = .brokenReference("a referenced record does not exist, or the record is still in use (\(message))")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL, .SQLITE_CONSTRAINT_TRIGGER:
            self = .constraint(message)
        default:
            if error.resultCode == .SQLITE_CONSTRAINT {
                self = .constraint(message)
            } else if error.resultCode == .SQLITE_NOTADB {
                self = .notADebriefDatabase(path: "the file", reason: "not a SQLite database")
            } else if let reason = Self.unavailability(error.resultCode) {
                self = .unavailable(reason: "\(reason): \(message)")
            } else if error.resultCode == .SQLITE_CORRUPT {
                self = .notADebriefDatabase(path: "the file", reason: "it is damaged: \(message)")
            } else {
                self = .database(message)
            }
        }
    }
}
