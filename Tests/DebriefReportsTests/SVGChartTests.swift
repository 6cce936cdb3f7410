import DebriefReports
import Foundation
import Testing

@Suite("Inline SVG charts")
struct SVGChartTests {
    /// The width an SVG declares: a phone scales the chart by 288 / width, text and all.
    static func width(_ svg: String) throws -> Double {
        let match = try #require(svg.firstMatch(of: /<svg[^>]* width="([0-9.]+)"/))
        return try #require(Double(match.1))
    }

    @Test("bars are as wide as their labels need, so short labels stay readable on a phone")
    func columnsFitTheirText() throws {
        let short = (1...8).map { SVGChart.Bar(label: "\($0) interviewers", value: 0.5 + Double($0) / 20) }
        let long = [
            SVGChart.Bar(label: String(repeating: "Reliability and security ", count: 4), value: 3, note: "n=3, spread 1, three interviewers")
        ]
        let shortWidth = try Self.width(SVGChart.bars(short, minimum: 0, maximum: 1, title: "D-study"))
        let longWidth = try Self.width(SVGChart.bars(long, minimum: 1, maximum: 4, title: "Competencies"))
        #expect(shortWidth < 480, "a D-study of '8 interviewers' labels needs no 240 px label column")
        #expect(longWidth == 700, "a long label and note are capped at the old widths, 240 + 300 + 160")
    }

    @Test("labels and notes are escaped, and a missing value says so")
    func escapedAndNoSignal() {
        let svg = SVGChart.bars(
            [.init(label: "<b>x</b>", value: nil), .init(label: "y", value: 2, note: "<i>")], minimum: 1, maximum: 4, title: "t&t")
        #expect(!svg.contains("<b>") && !svg.contains("<i>") && svg.contains("&lt;b&gt;") && svg.contains("t&amp;t"))
        #expect(svg.contains(">no signal</text>"))
    }
}
