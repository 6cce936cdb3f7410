import ArgumentParser
import DebriefCore
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
        let folder = URL(fileURLWithPath: resolvedDirectory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        } catch {
            throw CLIError("cannot read the rubrics folder \(resolvedDirectory); pass --rubrics DIR or set DEBRIEF_RUBRICS")
        }
        let files = try names.map { name in
            (name: folder.appendingPathComponent(name).path, text: try RubricFile.read(folder.appendingPathComponent(name).path))
        }
        return try RubricCatalog(files: files)
    }
}

/// Reading one rubric file as text, with an error that names it.
enum RubricFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw RubricError(file: path, line: nil, "is not UTF-8 text") }
        return text
    }
}
