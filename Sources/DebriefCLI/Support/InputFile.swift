import DebriefImport
import Foundation

/// Reading an input file named on the command line, `-` meaning standard input.
enum InputFile {
    /// The file's bytes; a file larger than `limit` is refused before it is read.
    static func data(_ path: String, limit: Int = .max) throws -> Data {
        try data(path, limit: limit, reading: { FileManager.default.contents(atPath: $0) })
    }

    private static func data(_ path: String, limit: Int, reading: (String) -> Data?) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path) does not exist") }
        guard !isDirectory.boolValue else { throw CLIError("\(path) is a folder; name a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            throw CLIError("\(path) is \(size / 1_048_576) MB; Debrief reads files up to \(limit / 1_048_576) MB. Split it or pass a fragment")
        }
        guard let data = reading(path) else { throw CLIError("cannot read \(path) (check its permissions)") }
        return data
    }

    /// A page to import: as `data(_:limit:)`, but a file is mapped rather than read
    /// (`MappedPageFile`), so the importer can let go of what it has parsed.
    static func page(_ path: String, limit: Int) throws -> Data {
        try data(path, limit: limit, reading: { MappedPageFile.data(atPath: $0) ?? FileManager.default.contents(atPath: $0) })
    }

    /// The file as UTF-8 text.
    static func text(_ path: String) throws -> String {
        guard let text = String(data: try data(path), encoding: .utf8) else { throw CLIError("\(path) is not UTF-8 text") }
        return text
    }
}
