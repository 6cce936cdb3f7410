import DebriefCore
import DebriefReports
import Foundation

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

    func write() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let chosen = report.candidates.filter { entry in
            guard let candidate = dossier.candidates.first(where: { $0.id == entry.id }) else { return false }
            if let stage, candidate.stage != stage { return false }
            if let since, !dossier.rounds.contains(where: { $0.candidateID == entry.id && $0.scheduledAt >= since }) { return false }
            return true
        }
        let progress = Progress(total: chosen.count, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let started = Date()
        for (index, entry) in chosen.enumerated() {
            let candidate = try CandidateReportBuilder.build(dossier, position: report, candidateID: entry.id)
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
