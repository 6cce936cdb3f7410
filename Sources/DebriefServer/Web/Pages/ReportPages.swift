import DebriefReports

/// The HTML reports inside the web app's layout: the same sections the CLI's files hold.
enum ReportPages {
    static func position(
        _ report: PositionReport, candidateLinks: [Int64: String], pager: RankingPager? = nil, rubricStudy: String? = nil, chrome: PageChrome
    ) -> String {
        PageTemplate.render(
            "report", chrome: chrome,
            ["report": PositionReportHTML.section(report, candidateLinks: candidateLinks, pager: pager, rubricStudy: rubricStudy)])
    }

    static func rubricReliability(_ report: RubricReliabilityReport, positionLinks: [Int64: String], chrome: PageChrome) -> String {
        PageTemplate.render("report", chrome: chrome, ["report": RubricReliabilityHTML.section(report, positionLinks: positionLinks)])
    }

    static func candidate(_ report: CandidateReport, chrome: PageChrome) -> String {
        PageTemplate.render("report", chrome: chrome, ["report": CandidateReportHTML.section(report)])
    }
}
