import Foundation

/// Reading an input file named on the command line, `-` meaning standard input.
enum InputFile {
    /// The file's bytes.
    static func data(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path) does not exist") }
        guard !isDirectory.boolValue else { throw CLIError("\(path) is a folder; name a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path) (check its permissions)") }
        return data
    }

    /// The file as UTF-8 text.
    static func text(_ path: String) throws -> String {
        guard let text = String(data: try data(path), encoding: .utf8) else { throw CLIError("\(path) is not UTF-8 text") }
        return text
    }
}
