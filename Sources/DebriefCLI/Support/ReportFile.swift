import DebriefCore
import Foundation
import Glibc

/// Writes a report atomically, so an interrupted run never leaves a half-written report behind:
/// into an unnamed file in the target's folder that gets its name once it is whole, or where the
/// file system has no unnamed files, into a partial file beside the target renamed over it.
enum ReportFile {
    /// Writes `text` to `path`. With `flushing`, the file is on disk before it gets its name; a batch
    /// passes false and calls `flush(folder:)` once at its end, since a flush per file made twenty
    /// thousand small reports wait on the disk twenty thousand times.
    static func write(_ text: String, to path: String, flushing: Bool = true) throws {
        let folder = try existingFolder(of: path)
        do {
            if try UnnamedFile.write(text, to: path, in: folder, flushing: flushing) { return }
        } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
        let temporary = partialName(for: path, in: folder)
        do {
            try writeBytes(of: text, to: temporary, flushing: flushing)
            guard rename(temporary, path) == 0 else { throw CLIError(lastSystemError) }
        } catch {
            unlink(temporary)
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Waits until everything written into `folder` (the files and their names) is on disk: the
    /// folder's file system is synced (`syncfs`), not every disk of the machine (`sync`, the
    /// fallback where there is no `syncfs`), then the folder itself.
    static func flush(folder: String) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw CLIError("cannot flush \(folder): \(lastSystemError)") }
        defer { close(descriptor) }
        if let syncfs = GlibcExtras.syncfs {
            guard syncfs(descriptor) == 0 else { throw CLIError("cannot flush \(folder): \(lastSystemError)") }
        } else {
            sync()
        }
        guard fsync(descriptor) == 0 else {
            throw CLIError("cannot flush \(folder): \(lastSystemError)")
        }
    }

    /// The last system call's failure, in the system's words.
    static var lastSystemError: String { String(cString: strerror(errno)) }

    private static func writeBytes(of text: String, to path: String, flushing: Bool) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CLIError(lastSystemError) }
        defer { close(descriptor) }
        try writeAll(text, to: descriptor, flushing: flushing)
    }

    /// All of `text`'s bytes to `descriptor`, then to the disk when `flushing`.
    static func writeAll(_ text: String, to descriptor: Int32, flushing: Bool) throws {
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CLIError(lastSystemError)
                }
                offset += written
            }
        }
        if flushing, fsync(descriptor) != 0 { throw CLIError(lastSystemError) }
    }

    /// Writes what `produce` hands its sink to `path` as it comes (all of it or nothing: a partial
    /// file is renamed into place only once `produce` returns), or to standard output when `path` is nil.
    static func stream(to path: String?, _ produce: (@escaping @Sendable (String) throws -> Void) async throws -> Void) async throws {
        guard let path else {
            try await produce { piece in Console.current.write(piece) }
            return
        }
        let temporary = partialName(for: path, in: try existingFolder(of: path))
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIError("cannot write \(path): the folder of \(path) is not writable")
        }
        do {
            try await produce { piece in try handle.write(contentsOf: Data(piece.utf8)) }
            try handle.close()
            guard rename(temporary, path) == 0 else { throw CLIError(lastSystemError) }
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
        Console.current.errorLine("Wrote \(path)")
    }

    /// The folder `path` is in; refuses one that does not exist. Plain path text and one `stat`: a
    /// batch asks this 20,000 times, and Foundation's URL work for it was a twentieth of the batch.
    static func existingFolder(of path: String) throws -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var status = stat()
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw CLIError("cannot write \(path): the folder \(folder) does not exist")
        }
        return folder
    }

    /// A new name beside `path` in `folder` for a partial file: hidden, and unlike any other.
    static func partialName(for path: String, in folder: String) -> String {
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder == "/" ? "" : folder)/.\(name).\(UUID().uuidString).partial"
    }
}
