import DebriefCore
import DebriefReports
import Foundation
import Synchronization

/// Set by SIGINT while a batch runs, so the batch stops between two files rather than inside one.
let interruptRequested = Atomic<Bool>(false)

/// `report position ID --all`: every chosen candidate's report plus the position report as the index,
/// each file written atomically (and all on disk once the index is), with a progress bar on a terminal and a summary at the end.
struct BatchReport {
    let dossier: PositionDossier
    let report: PositionReport
    let format: ReportCommand.Format
    let folder: String
    let stage: PipelineStage?
    let since: Date?
    let quiet: Bool
    /// Asked before each file; true stops the batch there. The CLI asks whether Ctrl-C was pressed.
    var shouldStop: @Sendable () -> Bool = { interruptRequested.load(ordering: .relaxed) }
    /// Reports are built and written on this many threads (one per core by default).
    var workers = ProcessInfo.processInfo.activeProcessorCount

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
        let progress = Mutex(Progress(total: chosen.count, enabled: !quiet && isatty(STDERR_FILENO) == 1, console: Console.current))
        let started = Date()
        let written = try writeCandidates(chosen, progress: progress)
        try ReportFile.flush(folder: folder)
        guard written == chosen.count else {
            progress.withLock { $0.finish() }
            throw CLIError(
                "interrupted: wrote \(written) of \(chosen.count) candidate reports to \(folder), each complete; the index was not written")
        }
        let index = "\(folder)/index.\(format.fileExtension)"
        let links = Dictionary(uniqueKeysWithValues: chosen.map { ($0.id, "candidate-\($0.id).\(format.fileExtension)") })
        let indexText =
            format == .html ? PositionReportHTML.render(report, candidateLinks: links) : try ReportRendering.position(report, format: format)
        try ReportFile.write(indexText, to: index)  // flushed on its own: the index is written last, once every report is on disk
        progress.withLock { $0.finish() }
        let seconds = Date().timeIntervalSince(started)
        Console.current.line("Wrote \(chosen.count) candidate reports and \(index) in \(String(format: "%.1f", seconds)) s")
    }

    /// Builds and writes each candidate's report, on `workers` threads that take the next candidate
    /// as they finish one. Every file is asked `shouldStop` before it is started, so a stop leaves only
    /// whole files. Returns how many were written; the first failure stops the batch and is thrown.
    private func writeCandidates(_ chosen: [PositionReport.CandidateEntry], progress: borrowing Mutex<Progress>) throws -> Int {
        let (dossier, report, format, folder, shouldStop) = (dossier, report, format, folder, shouldStop)
        let lookup = CandidateReportBuilder.Index(dossier, position: report)
        let next = Atomic<Int>(0), written = Atomic<Int>(0), stopped = Atomic<Bool>(false)
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            while !stopped.load(ordering: .relaxed) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < chosen.count else { return }
                if shouldStop() {
                    stopped.store(true, ordering: .relaxed)
                    return
                }
                do {
                    let entry = chosen[index]
                    let candidate = try CandidateReportBuilder.build(dossier, position: report, candidateID: entry.id, index: lookup)
                    try ReportFile.write(
                        try ReportRendering.candidate(candidate, format: format), to: "\(folder)/candidate-\(entry.id).\(format.fileExtension)",
                        flushing: false)
                    let done = written.wrappingAdd(1, ordering: .relaxed).newValue
                    progress.withLock { $0.show(done) }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                    stopped.store(true, ordering: .relaxed)
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return written.load(ordering: .relaxed)
    }

    /// A one-line progress bar on standard error, redrawn in place.
    struct Progress {
        let total: Int
        let enabled: Bool
        /// Where to draw: taken from the calling task, since worker threads do not inherit it.
        let console: Console

        func show(_ done: Int) {
            guard enabled, total > 0, done == total || done % max(1, total / 100) == 0 else { return }
            let width = 30, filled = done * width / total
            console.errorPart("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)")
        }

        func finish() {
            if enabled { console.errorPart("\n") }
        }
    }
}
