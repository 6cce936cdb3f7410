import DebriefCore
import Foundation

/// A candidate report as one self-contained HTML file, printable to PDF from a browser.
///
/// Written with `HTML` interpolation rather than a Mustache template: it is the page `report --all`
/// writes once per candidate (20,000 for a large position) and the web app shows on every
/// candidate's page, and finding each value by name through swift-mustache's context stack was most
/// of that batch's time. Every interpolated text is escaped; only the chart's SVG goes in as it is.
public enum CandidateReportHTML {
    public static func render(_ report: CandidateReport) -> String {
        ReportDocument.render(title: "\(report.candidate.name): \(report.position.title)", section: section(report))
    }

    /// The report without its document around it, for a page of the web app.
    public static func section(_ report: CandidateReport) -> String {
        let rubric = report.position.rubric
        let person = report.candidate
        let html: HTML = """
            <section class="candidate">
            <header><h1>\(person.name)</h1><p class="meta">\(person.email) · \(report.position.title) · stage \(person.stage) · \
            \(CountedNoun.phrase(report.roundsHeld, "round")) held, \(report.roundsPending) pending</p></header>
            <div class="cards">
            <div><div class="score">\(Figures.number(report.score))</div><div class="meta">score on \(rubric.scaleMin)–\(rubric.scaleMax)</div></div>
            <div><div class="score">\(Figures.number(report.calibratedScore))</div><div class="meta">calibrated score</div></div>
            <div><div class="score">\(Figures.percent(report.coverage))</div><div class="meta">coverage</div></div>
            <div><div class="score">\(Recommendation.label(of: report.recommendation))</div><div class="meta">\(rankText(report))</div></div>
            </div>
            \(flags(report))
            <h2>Competencies</h2>
            \(competencyChart(report))
            <h2>Rounds</h2>
            \(HTML(each: report.rounds) { round(in: $0, competencies: rubric.competencies) })\(questions(report))
            \(HTML.notes(report.notes))
            </section>
            """
        return html.text
    }

    private static func rankText(_ report: CandidateReport) -> String {
        report.rank.map { "rank \($0) of \(report.rankedCandidates), percentile \(Figures.number(report.percentile, decimals: 0))" }
            ?? "not ranked yet"
    }

    private static func flags(_ report: CandidateReport) -> HTML {
        let items = HTML(each: report.flagReasons) { "<li class=\"flag\">\($0)</li>" }
        return HTML("<h2 class=\"flag\">Needs a debrief</h2><ul>\(items)</ul>").when(report.needsDebrief)
    }

    private static func competencyChart(_ report: CandidateReport) -> HTML {
        let rubric = report.position.rubric
        let bars = report.competencies.map {
            SVGChart.Bar(label: $0.title, value: $0.mean, note: "n=\($0.n)" + ($0.spread.map { ", spread \(Figures.number($0, decimals: 1))" } ?? ""))
        }
        return HTML(
            chart: SVGChart.bars(
                bars, minimum: Double(rubric.scaleMin), maximum: Double(rubric.scaleMax), title: "Mean rating per competency"))
    }

    /// A round's heading and, once it has scorecards, their table and notes.
    private static func round(in round: CandidateReport.RoundRow, competencies: [PositionReport.CompetencyInfo]) -> HTML {
        let score = HTML(" · round score \(Figures.number(round.score))").when(round.status == "held")
        let heading: HTML = "<h3>\(round.kindLabel) · \(Figures.dateTime(round.scheduledAt)) · \(round.status)\(score)</h3>\n"
        guard !round.scorecards.isEmpty else { return "\(heading)\n" }
        let headers = HTML(each: competencies) { "<th class=\"num\">\($0.title)</th>" }
        let rows = HTML(each: round.scorecards) { card in
            let cells = HTML(each: competencies) { competency in
                "<td class=\"num\">\(card.ratings[competency.id].map { $0.map(String.init) ?? "no signal" } ?? "")</td>"
            }
            return "<tr><td>\(name(card))\(entryNotes(card))</td><td>\(Recommendation.label(of: card.recommendation))</td>\(cells)</tr>"
        }
        // A scorecard without notes gets no quote (as in Markdown), not an empty one.
        let notes = HTML(each: round.scorecards.filter { !$0.notes.isEmpty }) { card in
            "<blockquote><strong>\(name(card)):</strong> \(card.notes)</blockquote>"
        }
        return """
            \(heading)<div class="scroll"><table><thead><tr><th>Interviewer</th><th>Recommendation</th>\(headers)</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(notes)

            """
    }

    private static func name(_ card: CandidateReport.ScorecardRow) -> String {
        card.name.isEmpty ? card.interviewer : card.name
    }

    /// Who typed the scorecard in for the interviewer, and why it was amended.
    private static func entryNotes(_ card: CandidateReport.ScorecardRow) -> HTML {
        let entered = card.enteredBy.map { HTML("<br><span class=\"meta\">entered by \($0)</span>") } ?? .none
        let amended = card.amendReason.map { HTML("<br><span class=\"meta\">amended: \($0)</span>") } ?? .none
        return "\(entered)\(amended)"
    }

    private static func questions(_ report: CandidateReport) -> HTML {
        let rows = HTML(each: Array(zip(report.questions, report.questionRatingsInWords()))) { question, ratings in
            "<tr><td>\(question.text)</td><td>\(ratings.joined(separator: "; "))</td></tr>"
        }
        return HTML(
            """
            <h2>Questions asked</h2><div class="scroll"><table><thead><tr><th>Question</th><th>Ratings</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        ).when(!report.questions.isEmpty)
    }
}
