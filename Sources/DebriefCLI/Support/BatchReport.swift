import DebriefCore
import DebriefReports
import Foundation
import Synchronization

/// Set by SIGINT while a batch runs, so the batch stops between two files rather than inside one.
let interruptRequested = Atomic<Bool>(false)

/// `report position ID --all`: every chosen candidate's report plus the position report as the index,
/// each file written atomically, with a progress bar on a terminal and a summary at the end.
struct BatchReport {
    let dossier: PositionDossier
    let report: PositionReport
    let format: ReportCommand.Format
    let folder: String
    let stage: PipelineStage?
    let since: Date?
    let quiet: Bool
    /// Asked before each file; true stops the batch there. The CLI asks whether Ctrl-C was pressed.
    var shouldStop: () -> Bool = { interruptRequested.load(ordering: .relaxed) }

    func write() throws {
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, SIG_DFL) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stages = Dictionary(dossier.candidates.map { ($0.id ?? 0, $0.stage) }) { first, _ in first }
        let latestRound = Dictionary(dossier.rounds.map { ($0.candidateID, $0.scheduledAt) }) { max($0, $1) }
        let chosen = report.candidates.filter { entry in
            if let stage, stages[entry.id] != stage { return false }
            if let since, (latestRound[entry.id] ?? .distantPast) < since { return false }
            return true
        }
        let progress = Progress(total: chosen.count, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let started = Date()
        let lookup = CandidateReportBuilder.Index(dossier, position: report)
        for (index, entry) in chosen.enumerated() {
            if shouldStop() {
                progress.finish()
                throw CLIError(
                    "interrupted: wrote \(index) of \(chosen.count) candidate reports to \(folder), each complete; the index was not written")
            }
            let candidate = try CandidateReportBuilder.build(dossier, position: report, candidateID: entry.id, index: lookup)
            try ReportFile.write(
                try ReportRendering.candidate(candidate, format: format), to: "\(folder)/candidate-\(entry.id).\(format.fileExtension)")
            progress.show(index + 1)
        }
        let index = "\(folder)/index.\(format.fileExtension)"
        let links = Dictionary(uniqueKeysWithValues: chosen.map { ($0.id, "candidate-\($0.id).\(format.fileExtension)") })
        let indexText =
            format == .html ? PositionReportHTML.render(report, candidateLinks: links) : try ReportRendering.position(report, format: format)
        try ReportFile.write(indexText, to: index)
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        Console.current.line("Wrote \(chosen.count) candidate reports and \(index) in \(String(format: "%.1f", seconds)) s")
    }

    /// A one-line progress bar on standard error, redrawn in place.
    struct Progress {
        let total: Int
        let enabled: Bool

        func show(_ done: Int) {
            guard enabled, total > 0, done == total || done % max(1, total / 100) == 0 else { return }
            let width = 30, filled = done * width / total
            Console.current.errorPart("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)")
        }

        func finish() {
            if enabled { Console.current.errorPart("\n") }
        }
    }
}
