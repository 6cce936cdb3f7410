import ArgumentParser
import DebriefCore
import DebriefReports
import DebriefServer
import DebriefService
import DebriefStore
import Foundation

/// A candidate report comes in the shared formats only: there is no terminal view of one.
extension ReportFormat: ExpressibleByArgument {}

/// `debrief report position|candidate|questions|reliability`
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Scores, rankings, agreement, calibration and question health.",
        subcommands: [Position.self, Candidate.self, Questions.self, Reliability.self])

    /// The formats reports come in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, csv, json, text

        var fileExtension: String { self == .text ? "txt" : rawValue }
    }

    struct Position: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "position",
            abstract: "Report on a position: every candidate's score, rank and flags, interviewer agreement and calibration.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The position's id.") var id: Int64
        @Option(help: "html (default, written to a file), md, csv, json or text (printed unless --out is given).") var format: Format = .html
        @Option(help: "Write the report to this file (with --all: this folder).") var out: String?
        @Flag(help: "Also write every candidate's report, one file each, beside the position report as an index.") var all = false
        @Option(help: "With --all: only candidates in this stage.", transform: { try PipelineStage(parsing: $0) }) var stage: PipelineStage?
        @Option(help: "With --all: only candidates with a round on or after this date.", transform: DateText.parse) var since: Date?
        @Flag(help: "No progress bar.") var quiet = false
        @Flag(help: "With --format csv: one row per rating instead of one per candidate.") var long = false

        func validate() throws {
            if long && (format != .csv || all) { throw ValidationError("--long goes with --format csv, without --all") }
            if all && format == .text { throw ValidationError("--all writes files; use html, md, csv or json") }
            if (stage != nil || since != nil) && !all { throw ValidationError("--stage and --since choose candidates for --all") }
        }

        func run() async throws {
            let service = try rubrics.service(database)
            if long {
                // The bulk export: streamed from the store to its file or standard output.
                let id = id
                try await ReportFile.stream(to: out) { sink in try await service.positionRatingsCSV(id, to: sink) }
                return
            }
            // The reliability study is the costliest part of the report; CSV does not show it.
            let studying = ReportFormat(rawValue: format.rawValue)?.showsReliabilityStudy ?? true
            guard all else {
                let text = try ReportRendering.position(try await service.positionReport(id, studyingReliability: studying), format: format)
                try ReportOutput.deliver(text, format: format, out: out, defaultName: "debrief-position-\(id)")
                return
            }
            let (dossier, report) = try await service.positionDossierAndReport(id, studyingReliability: studying)
            try BatchReport(
                dossier: dossier, report: report, format: format, folder: out ?? "./debrief-position-\(id)", stage: stage, since: since, quiet: quiet
            ).write()
        }
    }

    struct Candidate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "candidate",
            abstract: "Report on one candidate: score, competencies, rounds, interviewer notes, questions asked and rank.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) }) var candidate: CandidateReference
        @Option(help: "The position, when the candidate interviews for more than one.") var position: Int64?
        @Option(help: "html (default, written to a file), md, csv (one row per rating) or json.") var format: ReportFormat = .html
        @Option(help: "Write the report to this file.") var out: String?

        func run() async throws {
            let report: CandidateReport
            do {
                report = try await rubrics.service(database).candidateReport(candidate, position: position)
            } catch ServiceError.noPositionFor(let name, let positions) {
                throw CLIError(
                    positions.isEmpty
                        ? "\(name) has no rounds yet, so there is nothing to report; schedule one with debrief rounds schedule"
                        : "\(name) interviews for positions \(positions.map { "#\($0)" }.joined(separator: ", ")); pass --position ID")
            }
            try ReportOutput.deliver(
                try format.render(report), format: Format(rawValue: format.rawValue) ?? .html, out: out,
                defaultName: "debrief-candidate-\(report.candidate.id)")
        }
    }

    struct Questions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "questions",
            abstract: "Report on the bank's questions that were rated: signal, use of the scale, fit with their competency, agreement and flags.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only ratings given in this position's rounds.") var position: Int64?
        @Option(help: "Only questions of this question set (every version has its own id).") var set: Int64?
        @Option(help: "html (default, written to a file), md, csv or json.") var format: ReportFormat = .html
        @Option(help: "Write the report to this file.") var out: String?

        func run() async throws {
            let report = try await DebriefService(database: try database.open(), rubrics: nil).questionHealthReport(position: position, set: set)
            let name = "debrief-questions" + (position.map { "-position-\($0)" } ?? "") + (set.map { "-set-\($0)" } ?? "")
            try ReportOutput.deliver(try format.render(report), format: Format(rawValue: format.rawValue) ?? .html, out: out, defaultName: name)
        }
    }

    struct Reliability: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reliability",
            abstract: "Report how much a rubric's scores can be trusted across every position that uses it, and how many interviewers it needs.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The rubric's id.") var rubric: String
        @Option(help: "html (default, written to a file), md, csv (the projections) or json.") var format: ReportFormat = .html
        @Option(help: "Write the report to this file.") var out: String?

        func run() async throws {
            let report = try await rubrics.service(database).rubricReliabilityReport(rubric)
            try ReportOutput.deliver(
                try format.render(report), format: Format(rawValue: format.rawValue) ?? .html, out: out, defaultName: "debrief-reliability-\(rubric)")
        }
    }
}
