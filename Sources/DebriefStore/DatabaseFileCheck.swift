import Foundation
import GRDB

/// Looks at an existing file before Debrief opens it for writing, so that a file that is not
/// Debrief's (or that a newer Debrief wrote) is refused and left byte-for-byte as it was.
enum DatabaseFileCheck {
    private static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func verify(path: String) throws(StoreError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "it is a directory; pass the path of a database file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "the file cannot be read (check its permissions)")
        }
        let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // an empty file becomes a new database
        guard Array(header) == sqliteHeader else {
            throw .notADebriefDatabase(path: path, reason: "it is not a SQLite file")
        }
        try inspectSchema(path: path)
    }

    private static func inspectSchema(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        let verdict: StoreError?
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            verdict = try queue.read { db -> StoreError? in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if applicationID == SchemaMigrator.applicationID {
                    return try SchemaMigrator.migrator.hasBeenSuperseded(db) ? .newerSchema(path: path) : nil
                }
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                if applicationID == 0 && tables.isEmpty { return nil }
                let reason =
                    applicationID != 0
                    ? "it belongs to another application (application id \(applicationID))"
                    : "it already holds other tables: \(tables.prefix(5).joined(separator: ", "))"
                return .notADebriefDatabase(path: path, reason: reason)
            }
            try queue.close()
        } catch {
            throw StoreError(mapping: error).naming(path: path)
        }
        if let verdict { throw verdict }
    }
}
