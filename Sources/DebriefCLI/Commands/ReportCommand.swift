import ArgumentParser
import DebriefCore
import DebriefReports
import DebriefStore

/// `debrief report position`
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Scores, rankings, agreement and calibration.", subcommands: [Position.self, Candidate.self])

    /// The formats reports come in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, csv, json, text

        var fileExtension: String { self == .text ? "txt" : rawValue }
    }

    struct Position: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on a position: every candidate's score, rank and flags, interviewer agreement and calibration.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The position's id.") var id: Int64
        @Option(help: "html (default, written to a file), md, csv, json or text (printed unless --out is given).") var format: Format = .html
        @Option(help: "Write the report to this file.") var out: String?

        func run() async throws {
            let store = try database.open()
            let dossier = try await store.positionDossier(positionID: id)
            let current = try? rubrics.catalog().rubric(dossier.position.rubricID)
            let report = try PositionReportBuilder.build(dossier, currentRubric: current)
            let text: String
            switch format {
            case .html: text = PositionReportHTML.render(report)
            case .md: text = PositionReportMarkdown.render(report)
            case .csv: text = PositionReportCSV.render(report)
            case .json: text = try JSONOutput.string(report) + "\n"
            case .text: text = PositionReportText.render(report) + "\n"
            }
            try ReportOutput.deliver(text, format: format, out: out, defaultName: "debrief-position-\(id)")
        }
    }

    struct Candidate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on one candidate: score, competencies, rounds, interviewer notes, questions asked and rank.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var rubrics: RubricOptions
        @Argument(help: "The candidate's id or email.", transform: { try CandidateReference(parsing: $0) }) var candidate: CandidateReference
        @Option(help: "The position, when the candidate interviews for more than one.") var position: Int64?
        @Option(help: "html (default, written to a file), md, csv (one row per rating) or json.") var format: Format = .html
        @Option(help: "Write the report to this file.") var out: String?

        func validate() throws {
            if format == .text { throw ValidationError("candidate reports come as html, md, csv or json") }
        }

        func run() async throws {
            let store = try database.open()
            let person = try await store.candidate(candidate)
            let candidateID = person.id ?? 0
            let positionIDs = Array(Set(try await store.rounds(candidateID: candidateID).map(\.positionID))).sorted()
            let positionID: Int64
            if let position {
                positionID = position
            } else if positionIDs.count == 1 {
                positionID = positionIDs[0]
            } else if positionIDs.isEmpty {
                throw CLIError("\(person.name) has no rounds yet, so there is nothing to report; schedule one with debrief rounds schedule")
            } else {
                throw CLIError("\(person.name) interviews for positions \(positionIDs.map { "#\($0)" }.joined(separator: ", ")); pass --position ID")
            }
            let dossier = try await store.positionDossier(positionID: positionID)
            let current = try? rubrics.catalog().rubric(dossier.position.rubricID)
            let positionReport = try PositionReportBuilder.build(dossier, currentRubric: current)
            let report = try CandidateReportBuilder.build(dossier, position: positionReport, candidateID: candidateID)
            let text: String
            switch format {
            case .html: text = CandidateReportHTML.render(report)
            case .md: text = CandidateReportMarkdown.render(report)
            case .csv: text = CandidateReportCSV.render(report)
            case .json, .text: text = try JSONOutput.string(report) + "\n"
            }
            try ReportOutput.deliver(text, format: format, out: out, defaultName: "debrief-candidate-\(candidateID)")
        }
    }
}
