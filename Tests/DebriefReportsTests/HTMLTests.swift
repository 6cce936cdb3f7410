import DebriefCore
import Testing

@testable import DebriefReports

/// `HTML`: markup only from the source, every interpolated text escaped.
@Suite("HTML by interpolation")
struct HTMLTests {
    @Test("interpolated text is escaped, literal markup and nested HTML are not, a chart goes in as drawn")
    func escapesOnlyText() {
        let hostile = "</td><img src=x onerror=\"alert('1')\"> & é 🙂"
        let cell: HTML = "<td>\(hostile)</td>"
        #expect(cell.text == "<td>&lt;/td&gt;&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; é 🙂</td>")
        let row: HTML = "<tr>\(cell)\(3)</tr>"
        #expect(row.text == "<tr>" + cell.text + "3</tr>")
        #expect(HTML(chart: "<svg><title>a &amp; b</title></svg>").text == "<svg><title>a &amp; b</title></svg>")
    }

    @Test("pieces join in order, and a part left out is nothing")
    func joinsAndLeavesOut() {
        #expect(HTML(each: ["a", "<b>"]) { "<li>\($0)</li>" }.text == "<li>a</li><li>&lt;b&gt;</li>")
        #expect(HTML(each: [String]()) { "<li>\($0)</li>" }.text.isEmpty)
        #expect(HTML("<p>shown</p>").when(true).text == "<p>shown</p>" && HTML("<p>shown</p>").when(false).text.isEmpty)
    }

    @Test("a scorecard without notes gets no quote in the candidate report, one with notes gets its own")
    func emptyNotesLeftOut() throws {
        for note in ["", "Clear and careful."] {
            let dossier = try ReportFixtures.dossier(note: note)
            let report = try CandidateReportBuilder.build(dossier, position: try ReportFixtures.positionReport(dossier), candidateID: 1)
            let html = CandidateReportHTML.render(report)
            #expect(html.components(separatedBy: "<blockquote>").count - 1 == (note.isEmpty ? 0 : 2), "\(note.isEmpty ? "empty" : "given") notes")
            #expect(!html.contains("</strong> </blockquote>"))
        }
    }
}
