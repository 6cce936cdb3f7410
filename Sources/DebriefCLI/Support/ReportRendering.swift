import DebriefReports

/// A report in the format asked for.
enum ReportRendering {
    static func position(_ report: PositionReport, format: ReportCommand.Format) throws -> String {
        switch format {
        case .html: PositionReportHTML.render(report)
        case .md: PositionReportMarkdown.render(report)
        case .csv: PositionReportCSV.render(report)
        case .json: try JSONOutput.string(report) + "\n"
        case .text: PositionReportText.render(report) + "\n"
        }
    }

    static func candidate(_ report: CandidateReport, format: ReportCommand.Format) throws -> String {
        switch format {
        case .html: CandidateReportHTML.render(report)
        case .md: CandidateReportMarkdown.render(report)
        case .csv: CandidateReportCSV.render(report)
        case .json, .text: try JSONOutput.string(report) + "\n"
        }
    }
}
