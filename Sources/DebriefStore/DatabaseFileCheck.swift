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
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.close()
        if header.isEmpty { return }  // an empty file becomes a new database
        guard header.starts(with: sqliteHeader) else {
            throw .notADebriefDatabase(path: path, reason: "it is not a SQLite file")
        }
        try checkWholePages(header: header, size: size, path: path)
        try withoutLeavingSideFiles(path: path) { () throws(StoreError) in try inspectSchema(path: path) }
    }

    /// A SQLite file is a whole number of pages, of the size its header states. A file cut short
    /// (a partial copy, a full disk) is refused before SQLite is let near it.
    private static func checkWholePages(header: [UInt8], size: Int, path: String) throws(StoreError) {
        guard header.count == 100 else {
            throw .notADebriefDatabase(path: path, reason: "it is cut short: \(size) bytes, less than a SQLite header")
        }
        let stated = Int(header[16]) << 8 | Int(header[17])
        let pageSize = stated == 1 ? 65_536 : stated
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
            throw .notADebriefDatabase(path: path, reason: "its header is damaged (page size \(stated))")
        }
        guard size >= pageSize, size % pageSize == 0 else {
            throw .notADebriefDatabase(
                path: path, reason: "it is cut short or damaged: \(size) bytes is not a whole number of its \(pageSize)-byte pages")
        }
    }

    /// Runs `body`; if it fails, removes the `-wal` and `-shm` files SQLite made beside a file that had none.
    private static func withoutLeavingSideFiles(path: String, _ body: () throws(StoreError) -> Void) throws(StoreError) {
        let sideFiles = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        do {
            try body()
        } catch {
            sideFiles.forEach { try? FileManager.default.removeItem(atPath: $0) }
            throw error
        }
    }

    private static func inspectSchema(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        // As long as the store's own connections wait: another connection closing the file last
        // checkpoints it under an exclusive lock for a moment, and a read then must wait, not fail.
        configuration.busyMode = AppDatabase.configuration().busyMode
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
