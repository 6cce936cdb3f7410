import Foundation
import Mustache

/// A position report as one self-contained HTML file: inline CSS and SVG, no scripts, no external requests.
public enum PositionReportHTML {
    private static let template = ReportTemplate.parse(PositionTemplate.section)

    /// `candidateLinks` maps candidate ids to the relative paths of their own reports, for an index page.
    public static func render(_ report: PositionReport, candidateLinks: [Int64: String] = [:]) -> String {
        ReportDocument.render(title: "\(report.position.title): debrief pack", section: section(report, candidateLinks: candidateLinks))
    }

    /// The report without its document around it, for a page of the web app. With a `pager`, the
    /// ranking shows that page of candidates and links to the others; the rest of the report is whole.
    /// `rubricStudy` is the address of the study across every position that uses the rubric.
    public static func section(
        _ report: PositionReport, candidateLinks: [Int64: String] = [:], pager: RankingPager? = nil, rubricStudy: String? = nil
    ) -> String {
        var values = context(report, candidateLinks: candidateLinks, shown: pager?.page.entries)
        if let pager { values["pager"] = pagerContext(pager) }
        values["rubricStudy"] = rubricStudy ?? false
        return template.render(values)
    }

    private static func pagerContext(_ pager: RankingPager) -> [String: Any] {
        let page = pager.page
        return [
            "first": Figures.count(page.first), "last": Figures.count(page.first + max(0, page.entries.count - 1)),
            "total": Figures.count(page.total), "number": Figures.count(page.number), "pageCount": Figures.count(page.pageCount),
            "sort": page.sort.rawValue,
            "previous": page.number > 1 ? pager.link(page.number - 1, page.sort) : false,
            "next": page.number < page.pageCount ? pager.link(page.number + 1, page.sort) : false,
            "sorts": RankingSort.allCases.map { sort -> [String: Any] in
                ["label": sort.rawValue, "link": pager.link(1, sort), "current": sort == page.sort]
            },
            "everything": pager.everything,
        ]
    }

    static func context(_ report: PositionReport, candidateLinks: [Int64: String], shown: [PositionReport.CandidateEntry]? = nil) -> [String: Any] {
        let rubric = report.position.rubric
        let low = Double(rubric.scaleMin), high = Double(rubric.scaleMax)
        let agreement = report.agreement
        let leniencyLimit = max(1, report.calibration.compactMap { $0.leniency.map(abs) }.max() ?? 1)
        return [
            "title": report.position.title, "rubric": rubric.title, "version": rubric.version,
            "scaleMin": rubric.scaleMin, "scaleMax": rubric.scaleMax, "candidateCount": report.candidates.count,
            "candidates": (shown ?? report.candidates).map { candidate -> [String: Any] in
                [
                    "rank": candidate.rank.map(String.init) ?? "–", "name": candidate.name, "emailUser": Self.emailParts(candidate.email).user,
                    "emailDomain": Self.emailParts(candidate.email).domain, "stage": candidate.stage,
                    "score": Figures.number(candidate.score), "calibrated": Figures.number(candidate.calibratedScore),
                    "coverage": Figures.percent(candidate.coverage), "recommendation": candidate.recommendation ?? "–",
                    "flags": candidate.flags.map { $0.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ":", with: ": ") },
                    "percentile": Figures.number(candidate.percentile, decimals: 0), "link": candidateLinks[candidate.id] ?? false,
                ]
            },
            "distributionChart": SVGChart.histogram(
                report.candidates.compactMap(\.score), minimum: low, maximum: high, title: "Overall scores of the candidates"),
            "alphaInterval": Figures.number(agreement.krippendorffAlphaInterval), "alphaOrdinal": Figures.number(agreement.krippendorffAlphaOrdinal),
            "alphaReading": Figures.readAlpha(agreement.krippendorffAlphaInterval), "units": agreement.units, "coders": agreement.coders,
            "reliabilitySummary": report.reliability.summary ?? false, "reliabilityG": Figures.number(report.reliability.g),
            "reliabilityChart": ReliabilityChart.svg(report.reliability),
            "leniencyChart": SVGChart.diverging(
                report.calibration.map { SVGChart.Bar(label: $0.name.isEmpty ? $0.interviewer : $0.name, value: $0.leniency) }, limit: leniencyLimit,
                title: "Interviewer leniency against colleagues"),
            "calibration": report.calibration.map { entry -> [String: Any] in
                [
                    "name": entry.name, "interviewer": entry.interviewer, "scorecards": entry.scorecards, "mean": Figures.number(entry.mean),
                    "leniency": Figures.number(entry.leniency), "corrected": entry.correctedInCalibratedScore ? "yes" : "no",
                    "noDecision": Figures.percent(entry.noDecisionShare), "strong": Figures.percent(entry.strongShare),
                ]
            },
            "competencyChart": SVGChart.bars(
                rubric.competencies.map { competency in
                    let average = report.competencyAverages[competency.id]
                    return SVGChart.Bar(label: competency.title, value: average?.mean, note: average.map { "(\($0.candidates) candidates)" } ?? "")
                }, minimum: low, maximum: high, title: "Mean rating per competency across candidates"),
            "hasNotes": !report.notes.isEmpty, "notes": report.notes,
        ]
    }

    /// An email split before its `@`, so a narrow column can break it there (`<wbr>`) and nowhere else.
    static func emailParts(_ email: String) -> (user: String, domain: String) {
        guard let at = email.firstIndex(of: "@") else { return (email, "") }
        return (String(email[..<at]), String(email[at...]))
    }
}
