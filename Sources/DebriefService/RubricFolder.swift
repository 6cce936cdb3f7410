import DebriefCore
import Foundation

/// Reading a `Rubrics/` folder: every `*.yaml` and `*.yml` file, decoded and checked.
public enum RubricFolder {
    /// The folder's rubrics; an unreadable folder or a broken file is an error that says which.
    public static func catalog(at directory: String) throws -> RubricCatalog {
        let folder = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        } catch {
            throw ServiceError.rubricsUnavailable("cannot read the rubrics folder \(directory); pass --rubrics DIR or set DEBRIEF_RUBRICS")
        }
        let files = try names.map { name in
            (name: folder.appendingPathComponent(name).path, text: try text(of: folder.appendingPathComponent(name).path))
        }
        return try RubricCatalog(files: files)
    }

    /// One rubric file as text, with an error that names it.
    public static func text(of path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw RubricError(file: path, line: nil, "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw RubricError(file: path, line: nil, "is not UTF-8 text") }
        return text
    }
}
