import ArgumentParser
import DebriefCore
import DebriefStore

/// `--db PATH`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    static let defaultPath = "./debrief.sqlite"

    @Option(name: .customLong("db"), help: "The database file (env DEBRIEF_DB; default ./debrief.sqlite).")
    var path: String?

    /// The flag, then `DEBRIEF_DB`, then the default.
    var resolvedPath: String {
        CLIEnvironment.resolve(flag: path, variable: "DEBRIEF_DB", default: Self.defaultPath)
    }

    func open() throws(StoreError) -> AppDatabase {
        try AppDatabase.open(path: resolvedPath)
    }

    /// The local operator, named after the operating-system account running the CLI.
    var principal: Principal {
        .localOperator(named: CLIEnvironment.variables["USER"] ?? CLIEnvironment.variables["LOGNAME"] ?? "")
    }
}
