import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `--rubrics DIR`, shared by every command that needs rubrics.
struct RubricOptions: ParsableArguments {
    static let defaultDirectory = "./Rubrics"

    @Option(name: .customLong("rubrics"), help: "The folder of rubric YAML files (env DEBRIEF_RUBRICS; default ./Rubrics).")
    var directory: String?

    /// The flag, then `DEBRIEF_RUBRICS`, then the default.
    var resolvedDirectory: String {
        CLIEnvironment.resolve(flag: directory, variable: "DEBRIEF_RUBRICS", default: Self.defaultDirectory)
    }

    /// Every `*.yaml` and `*.yml` file of the folder, decoded and checked.
    func catalog() throws -> RubricCatalog {
        try RubricFolder.catalog(at: resolvedDirectory)
    }

    /// The use cases over the database, with this folder's rubrics. A folder that cannot be read is
    /// an error only for the use cases that need a rubric from it (reports use the stored versions).
    func service(_ database: DatabaseOptions) throws -> DebriefService {
        service(on: try database.open())
    }

    /// The use cases over `store`, with this folder's rubrics.
    func service(on store: AppDatabase) -> DebriefService {
        do {
            return DebriefService(database: store, rubrics: try catalog())
        } catch {
            return DebriefService(database: store, rubrics: nil, rubricsProblem: "\(error)")
        }
    }
}
