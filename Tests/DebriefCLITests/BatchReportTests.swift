import DebriefReports
import DebriefStore
import Foundation
import Synchronization
import Testing

@testable import DebriefCLI

@Suite("Batches of reports")
struct BatchReportTests {
    @Test("an interrupted batch leaves only complete files behind and says how far it got")
    func interruption() async throws {
        let cli = try CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "40", "--seed", "4", "--questions", "none"]).code == 0)
        let store = try AppDatabase.open(path: cli.databasePath)
        let dossier = try await store.positionDossier(positionID: 1)
        let report = try PositionReportBuilder.build(dossier, currentRubric: nil)
        #expect(report.candidates.count > 3)
        let folder = cli.directory.appendingPathComponent("pack").path
        let written = Mutex(0)
        var batch = BatchReport(dossier: dossier, report: report, format: .html, folder: folder, stage: nil, since: nil, quiet: true)
        batch.shouldStop = {
            written.withLock { count in
                count += 1; return count > 3
            }
        }  // Ctrl-C after the third file
        #expect(throws: CLIError.self) { try batch.write() }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.filter { $0.hasPrefix("candidate-") }.count == 3)
        #expect(!files.contains("index.html"))
        #expect(!files.contains { $0.hasSuffix(".partial") || $0.hasPrefix(".") })
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(text.hasSuffix("</html>"), "\(file) is incomplete")
        }
    }
}

@Suite("Report files written whole")
struct ReportFileTests {
    @Test("a report gets its name only once whole, replaces one of the same name, and leaves nothing else in the folder")
    func unnamedThenNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-report-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.html"
        // This machine's file system has unnamed files (O_TMPFILE); the named partial file is the fallback.
        #expect(try UnnamedFile.write("first", to: path, in: folder, flushing: true))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        #expect(try UnnamedFile.write("second", to: path, in: folder, flushing: false), "a report of the same name was not replaced")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        try ReportFile.write("third", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
        #expect(throws: CLIError.self) { try ReportFile.write("nowhere", to: folder + "/missing/report.html") }
    }
}
