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
}
