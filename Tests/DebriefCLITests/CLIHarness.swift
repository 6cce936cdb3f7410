import DebriefCLI
import Foundation
import Synchronization

/// Runs `debrief` in this process against a temporary database and captures what it prints.
struct CLIHarness {
    struct Result {
        let code: Int32
        let out: String
        let err: String
    }

    let directory: URL
    /// The repository's shipped rubrics.
    static let rubricsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Rubrics").standardized.path
    var databasePath: String { directory.appendingPathComponent("debrief.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `debrief ARGUMENTS --db <temporary>`; `environment` replaces the process environment.
    func run(
        _ arguments: [String], database: Bool = true, environment: [String: String] = ["USER": "tester", "DEBRIEF_RUBRICS": CLIHarness.rubricsPath]
    ) async -> Result {
        await runHere(arguments, database: database, environment: environment)
    }

    private func runHere(_ arguments: [String], database: Bool, environment: [String: String]) async -> Result {
        let out = Mutex(""), err = Mutex("")
        let console = Console(out: { text in out.withLock { $0 += text } }, error: { text in err.withLock { $0 += text } })
        let full = database ? arguments + ["--db", databasePath] : arguments
        let code = await Console.$current.withValue(console) {
            await DebriefCLI.run(full, environment: environment)
        }
        return Result(code: code, out: out.withLock { $0 }, err: err.withLock { $0 })
    }

    func run(_ line: String) async -> Result {
        await run(line.split(separator: " ").map(String.init))
    }

    /// The commands that put Grace and Alan on the panel of round #1 (technical) of Ada for position #1
    /// on the backend rubric, in an empty database.
    static let panelCommands: [[String]] = [
        ["users", "add", "--name", "Grace Hopper", "--email", "grace@example.com"],
        ["users", "add", "--name", "Alan Turing", "--email", "alan@example.com"],
        ["positions", "add", "--title", "Backend Engineer", "--rubric", "backend-engineer"],
        ["candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com"],
        [
            "rounds", "schedule", "--candidate", "ada@example.com", "--position", "1", "--kind", "technical", "--at", "2026-12-01T10:00Z",
            "--interviewer", "grace@example.com", "--interviewer", "alan@example.com",
        ],
    ]

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
