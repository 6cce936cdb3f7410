import DebriefReports

/// A report in the format asked for: the shared `ReportFormat` renderers, plus the terminal's text view.
enum ReportRendering {
    static func position(_ report: PositionReport, format: ReportCommand.Format) throws -> String {
        guard let shared = ReportFormat(rawValue: format.rawValue) else { return PositionReportText.render(report) + "\n" }
        return try shared.render(report)
    }

    static func candidate(_ report: CandidateReport, format: ReportCommand.Format) throws -> String {
        try (ReportFormat(rawValue: format.rawValue) ?? .json).render(report)
    }
}
