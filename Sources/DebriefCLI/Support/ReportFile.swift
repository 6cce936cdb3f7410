import Foundation

/// Writes a report atomically: into a temporary file beside the target, then renamed over it,
/// so an interrupted run never leaves a half-written report behind.
enum ReportFile {
    static func write(_ text: String, to path: String) throws {
        let (url, temporary) = try partialFile(for: path)
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CLIError(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes what `produce` hands its sink to `path` as it comes (all of it or nothing: a partial
    /// file is renamed into place only once `produce` returns), or to standard output when `path` is nil.
    static func stream(to path: String?, _ produce: (@escaping @Sendable (String) throws -> Void) async throws -> Void) async throws {
        guard let path else {
            try await produce { piece in Console.current.write(piece) }
            return
        }
        let (url, temporary) = try partialFile(for: path)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw CLIError("cannot write \(path): the folder \(temporary.deletingLastPathComponent().path) is not writable")
        }
        do {
            try await produce { piece in try handle.write(contentsOf: Data(piece.utf8)) }
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else { throw CLIError(String(cString: strerror(errno))) }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        Console.current.errorLine("Wrote \(path)")
    }

    /// The target of `path` and a new partial file beside it; refuses a folder that does not exist.
    private static func partialFile(for path: String) throws -> (target: URL, partial: URL) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("cannot write \(path): the folder \(folder.path) does not exist")
        }
        return (url, folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial"))
    }
}
