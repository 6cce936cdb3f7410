import DebriefCore

/// The formats every report comes in, for files (CLI) and responses (server) alike.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, md, csv, json

    /// The media type of a response in this format.
    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8; header=present"
        case .json: "application/json"
        }
    }

    /// Whether a position report in this format shows the panel reliability study (CSV has one row
    /// per candidate and no place for it), so a report built only for this format can leave it out.
    public var showsReliabilityStudy: Bool { self != .csv }

    /// A position report in this format. `candidateLinks` (HTML only) maps candidate ids to their reports' addresses.
    public func render(_ report: PositionReport, candidateLinks: [Int64: String] = [:]) throws -> String {
        switch self {
        case .html: PositionReportHTML.render(report, candidateLinks: candidateLinks)
        case .md: PositionReportMarkdown.render(report)
        case .csv: PositionReportCSV.render(report)
        case .json: try JSONText.document(report)
        }
    }

    /// A candidate report in this format.
    public func render(_ report: CandidateReport) throws -> String {
        switch self {
        case .html: CandidateReportHTML.render(report)
        case .md: CandidateReportMarkdown.render(report)
        case .csv: CandidateReportCSV.render(report)
        case .json: try JSONText.document(report)
        }
    }

    /// A question-health report in this format.
    public func render(_ report: QuestionHealthReport) throws -> String {
        switch self {
        case .html: QuestionHealthHTML.render(report)
        case .md: QuestionHealthMarkdown.render(report)
        case .csv: QuestionHealthCSV.render(report)
        case .json: try JSONText.document(report)
        }
    }

    /// A rubric's reliability study in this format.
    public func render(_ report: RubricReliabilityReport) throws -> String {
        switch self {
        case .html: RubricReliabilityHTML.render(report)
        case .md: RubricReliabilityMarkdown.render(report)
        case .csv: RubricReliabilityCSV.render(report)
        case .json: try JSONText.document(report)
        }
    }
}
