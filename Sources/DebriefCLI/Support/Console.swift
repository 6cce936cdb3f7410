import Foundation

/// Where commands write: standard output and standard error, or buffers in tests.
///
/// Commands never call `print`; they write through `Console.current`, which a test replaces
/// with a capturing console for the duration of one in-process run.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        writeOut = out
        writeError = error
    }

    /// Writes `text` and a newline to standard output.
    public func line(_ text: String = "") { lock.withLock { writeOut(text + "\n") } }
    /// Writes `text` to standard output as it is, for documents that end their own lines (CSV's CRLF).
    public func write(_ text: String) { lock.withLock { writeOut(text) } }
    /// Writes `text` to standard error without a newline, for progress bars.
    public func errorPart(_ text: String) { lock.withLock { writeError(text) } }

    /// Writes `text` and a newline to standard error.
    public func errorLine(_ text: String) { lock.withLock { writeError(text + "\n") } }

    /// The process's own standard output and error.
    public static let standard = Console(
        out: { write($0, to: .standardOutput) },
        error: { write($0, to: .standardError) })

    /// Writes the text's own UTF-8 bytes: a 30 MB report is not copied into a `Data` first.
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            handle.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
    }

    @TaskLocal public static var current: Console = .standard
}
