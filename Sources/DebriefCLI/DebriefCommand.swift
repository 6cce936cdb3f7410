import ArgumentParser
import DebriefStore

/// `debrief`: the root of the command-line interface.
public struct DebriefCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Track interview candidates and score structured interviews.",
        discussion: """
            Every command works on one SQLite database file: --db PATH, else $DEBRIEF_DB, else ./debrief.sqlite.
            """,
        version: "debrief \(DebriefCommand.version) (database schema \(AppDatabase.schemaVersion))",
        subcommands: [
            PositionsCommand.self, CandidatesCommand.self, RoundsCommand.self, UsersCommand.self, RubricCommand.self,
            ScorecardsCommand.self, ScoresCommand.self, ImportCommand.self, QuestionsCommand.self, ReportCommand.self, DemoCommand.self,
            ServeCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, MaintenanceCommand.self,
        ]
    )

    /// This build's version.
    public static let version = "0.7.0"

    public init() {}
}
