import DebriefCore
import Foundation

/// A position report as one self-contained HTML file: inline CSS and SVG, no scripts, no external requests.
///
/// Written with `HTML` interpolation, as the candidate report is: the ranking has a row per
/// candidate (20,000 in the index `report --all` writes last, on one core), and swift-mustache's
/// lookups by name made that the batch's slowest single step.
public enum PositionReportHTML {
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
        let rubric = report.position.rubric
        let low = Double(rubric.scaleMin), high = Double(rubric.scaleMax)
        let agreement = report.agreement
        let titles = rubric.competencyTitles
        let rows = HTML(each: pager?.page.entries ?? report.candidates) { rankingRow($0, link: candidateLinks[$0.id], titles: titles) }
        let distribution = SVGChart.histogram(
            report.candidates.compactMap(\.score), minimum: low, maximum: high, title: "Overall scores of the candidates")
        let html: HTML = """
            <section class="position"><header><h1>\(report.position.title): debrief pack</h1>
            <p class="meta">Rubric \(rubric.title) v\(rubric.version), scale \(rubric.scaleMin)–\(rubric.scaleMax). \(report.candidates.count) candidates.</p></header>
            <h2>Ranking</h2>
            \(pager.map(pagerSummary) ?? .none)<div class="scroll"><table class="stack"><thead><tr><th class="num">Rank</th><th>Candidate</th><th>Stage</th>\
            <th class="num">Score</th><th class="num">Calibrated</th><th class="num">Coverage</th><th>Recommendation</th><th>Flags</th>\
            <th class="num">Percentile</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(pager.map(pagerNavigation) ?? .none)<h2>Score distribution</h2>
            \(HTML(chart: distribution))
            <h2>Agreement between interviewers</h2>
            <p>Krippendorff's alpha (interval) <strong>\(Figures.number(agreement.krippendorffAlphaInterval))</strong>, \
            ordinal \(Figures.number(agreement.krippendorffAlphaOrdinal)), over \(agreement.units) candidate competencies rated by \
            \(agreement.coders) interviewers: \(Figures.readAlpha(agreement.krippendorffAlphaInterval)).</p>
            <h2>How much to trust these scores</h2>
            \(reliability(report, rubricStudy: rubricStudy))
            <h2>Interviewer calibration</h2>
            \(calibration(report))
            <h2>Competencies across the pipeline</h2>
            \(competencyChart(report))
            \(HTML.notes(report.notes))
            </section>
            """
        return html.text
    }

    private static func rankingRow(_ candidate: PositionReport.CandidateEntry, link: String?, titles: [String: String]) -> HTML {
        let name = link.map { HTML("<a href=\"\($0)\">\(candidate.name)</a>") } ?? "\(candidate.name)"
        let email = emailParts(candidate.email)
        let flags = HTML(each: candidate.flags) { "\(ScoreFlag.label(ofCode: $0, titles: titles))<br>" }
        return """
            <tr><td class="num" data-label="Rank">\(candidate.rank.map(String.init) ?? "–")</td>\
            <td class="lead">\(name)<br><span class="meta">\(email.user)<wbr>\(email.domain)</span></td>\
            <td data-label="Stage">\(candidate.stage)</td><td class="num" data-label="Score">\(Figures.number(candidate.score))</td>\
            <td class="num" data-label="Calibrated">\(Figures.number(candidate.calibratedScore))</td>\
            <td class="num" data-label="Coverage">\(Figures.percent(candidate.coverage))</td>\
            <td data-label="Recommendation">\(Recommendation.label(of: candidate.recommendation))</td>\
            <td class="flag" data-label="Flags">\(HTML("<span>\(flags)</span>").when(!candidate.flags.isEmpty))</td>\
            <td class="num" data-label="Percentile">\(Figures.number(candidate.percentile, decimals: 0))</td></tr>
            """
    }

    /// Which candidates the page shows, above the ranking.
    private static func pagerSummary(_ pager: RankingPager) -> HTML {
        let page = pager.page
        let next = page.number < page.pageCount ? HTML("<a href=\"\(pager.link(page.number + 1, page.sort))\">Next page</a>") : .none
        return """
            <p class="meta">Candidates \(range(page)), in \(page.sort.rawValue) order. \(next) \
            <a href="#ranking-pages">More pages and orders</a></p>

            """
    }

    /// Links to the other pages and orders, below the ranking.
    private static func pagerNavigation(_ pager: RankingPager) -> HTML {
        let page = pager.page
        let previous = page.number > 1 ? HTML("<a href=\"\(pager.link(page.number - 1, page.sort))\" rel=\"prev\">Previous page</a> ") : .none
        let next = page.number < page.pageCount ? HTML("<a href=\"\(pager.link(page.number + 1, page.sort))\" rel=\"next\">Next page</a> ") : .none
        let sorts = HTML(each: RankingSort.allCases) { sort in
            sort == page.sort
                ? "<strong aria-current=\"true\">\(sort.rawValue)</strong> " : "<a href=\"\(pager.link(1, sort))\">\(sort.rawValue)</a> "
        }
        return """
            <nav class="pager" id="ranking-pages" aria-label="Ranking pages"><p>Candidates \(range(page)), in \(page.sort.rawValue) order. \
            Page \(Figures.count(page.number)) of \(Figures.count(page.pageCount)).</p>
            <p>\(previous)\(next)<a href="\(pager.everything)">All candidates on one page, for printing</a></p>
            <p>Order by: \(sorts)</p></nav>

            """
    }

    private static func range(_ page: RankingPage) -> String {
        "\(Figures.count(page.first))–\(Figures.count(page.first + max(0, page.entries.count - 1))) of \(Figures.count(page.total))"
    }

    private static func reliability(_ report: PositionReport, rubricStudy: String?) -> HTML {
        let entry = report.reliability
        let study: HTML =
            entry.summary.map { summary in
                """
                <p>\(summary) (G(q,k) <strong>\(Figures.number(entry.g))</strong> for the panels this position had.)</p>
                \(HTML(chart: ReliabilityChart.svg(entry)))
                """
            } ?? "<p>Too little data for a reliability study yet; the notes say why.</p>"
        let pooled = rubricStudy.map { link in
            HTML(
                "<p class=\"meta\"><a href=\"\(link)\">The same study across every position scored against \(report.position.rubric.title)</a></p>")
        }
        return "\(study)\(pooled ?? .none)"
    }

    private static func calibration(_ report: PositionReport) -> HTML {
        let limit = max(1, report.calibration.compactMap { $0.leniency.map(abs) }.max() ?? 1)
        let chart = SVGChart.diverging(
            report.calibration.map { SVGChart.Bar(label: $0.name.isEmpty ? $0.interviewer : $0.name, value: $0.leniency) }, limit: limit,
            title: "Interviewer leniency against colleagues")
        let rows = HTML(each: report.calibration) { entry in
            """
            <tr><td class="lead">\(entry.name)<br><span class="meta">\(entry.interviewer)</span></td>\
            <td class="num" data-label="Scorecards">\(entry.scorecards)</td><td class="num" data-label="Mean rating">\(Figures.number(entry.mean))</td>\
            <td class="num" data-label="Leniency">\(Figures.number(entry.leniency))</td>\
            <td data-label="Corrected">\(entry.correctedInCalibratedScore ? "yes" : "no")</td>\
            <td class="num" data-label="No decision">\(Figures.percent(entry.noDecisionShare))</td>\
            <td class="num" data-label="Strong calls">\(Figures.percent(entry.strongShare))</td></tr>
            """
        }
        return """
            \(HTML(chart: chart))
            <div class="scroll"><table class="stack"><thead><tr><th>Interviewer</th><th class="num">Scorecards</th><th class="num">Mean rating</th>\
            <th class="num">Leniency</th><th>Corrected</th><th class="num">No decision</th><th class="num">Strong calls</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private static func competencyChart(_ report: PositionReport) -> HTML {
        let rubric = report.position.rubric
        let bars = rubric.competencies.map { competency in
            let average = report.competencyAverages[competency.id]
            return SVGChart.Bar(label: competency.title, value: average?.mean, note: average.map { "(\($0.candidates) candidates)" } ?? "")
        }
        return HTML(
            chart: SVGChart.bars(
                bars, minimum: Double(rubric.scaleMin), maximum: Double(rubric.scaleMax), title: "Mean rating per competency across candidates"))
    }

    /// An email split before its `@`, so a narrow column can break it there (`<wbr>`) and nowhere else.
    private static func emailParts(_ email: String) -> (user: String, domain: String) {
        guard let at = email.firstIndex(of: "@") else { return (email, "") }
        return (String(email[..<at]), String(email[at...]))
    }
}
