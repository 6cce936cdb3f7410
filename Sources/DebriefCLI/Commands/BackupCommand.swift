import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `debrief backup PATH`: a consistent copy of the database while the server goes on using it.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the whole database, as it is at one moment, to a new file.",
        discussion: """
            Safe while `debrief serve` runs and writes: the copy is taken from one read snapshot with SQLite's \
            backup API, checked, and only then put at PATH. PATH must not exist yet.
            """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The new backup file.") var path: String

    func run() async throws {
        let service = DebriefService(database: try database.open(), rubrics: nil)
        let summary = try await service.backUp(to: path, by: database.principal)
        Console.current.line("Backed up \(database.resolvedPath) to \(path): \(BackupText.describe(summary))")
    }
}

/// `debrief restore PATH`: the database replaced by a checked backup, the previous one kept.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup, after checking the backup.",
        discussion: """
            The backup is checked first (a whole SQLite file, Debrief's, undamaged, a schema this build opens); \
            a backup that fails is refused and nothing is changed. The database as it was is kept as a backup \
            of its own (--keep-previous), and a backup from an older Debrief is migrated. With --check, the \
            backup is only checked.
            """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file to restore.") var path: String
    @Flag(help: "Only check the backup and say what it holds; change nothing.") var check = false
    @Option(help: "Where to keep the database as it was (default: beside it, named after the time).") var keepPrevious: String?

    func run() async throws {
        if check {
            let summary = try DebriefService.inspectBackup(at: path, by: database.principal)
            Console.current.line("\(path) is a whole Debrief backup: \(BackupText.describe(summary))")
            return
        }
        let previous = keepPrevious ?? Self.defaultPreviousPath(for: database.resolvedPath)
        let service = DebriefService(database: try database.open(), rubrics: nil)
        let outcome = try await service.restore(from: path, keepingPreviousAt: previous, by: database.principal)
        Console.current.line("Restored \(database.resolvedPath) from \(path): \(BackupText.describe(outcome.restored))")
        Console.current.line("The database as it was is kept in \(previous) (\(outcome.previous.countsLine)).")
    }

    /// `debrief.sqlite.before-restore-20261202T061500Z`.
    static func defaultPreviousPath(for path: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "\(path).before-restore-\(formatter.string(from: Date()))"
    }
}

/// How the backup commands describe a database file.
enum BackupText {
    static func describe(_ summary: DatabaseSummary) -> String {
        "schema \(summary.schemaVersion), \(ByteCountFormatter.string(fromByteCount: Int64(summary.bytes), countStyle: .file)); \(summary.countsLine)"
    }
}
