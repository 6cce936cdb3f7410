import DebriefCore
import DebriefReports
import Foundation
import Testing

@Suite("Reports match their golden files")
struct GoldenReportTests {
    let dossier = try! ReportFixtures.dossier()
    var position: PositionReport { try! ReportFixtures.positionReport(dossier) }
    var candidate: CandidateReport { try! CandidateReportBuilder.build(dossier, position: position, candidateID: 2) }

    /// What `--format json` and the API write: `JSONText`, nulls kept.
    static func json(_ value: some Encodable) throws -> String {
        try JSONText.string(value) + "\n"
    }

    @Test("position report: html, md, csv, json")
    func positionFormats() throws {
        #expect(try ReportFixtures.matchesGolden(PositionReportHTML.render(position), "position.html"))
        #expect(try ReportFixtures.matchesGolden(PositionReportMarkdown.render(position), "position.md"))
        #expect(try ReportFixtures.matchesGolden(PositionReportCSV.render(position), "position.csv"))
        #expect(try ReportFixtures.matchesGolden(Self.json(position), "position.json"))
        #expect(try ReportFixtures.matchesGolden(PositionRatingsCSV.render(dossier), "position-ratings.csv"))
    }

    @Test("candidate report: html, md, csv, json")
    func candidateFormats() throws {
        #expect(try ReportFixtures.matchesGolden(CandidateReportHTML.render(candidate), "candidate.html"))
        #expect(try ReportFixtures.matchesGolden(CandidateReportMarkdown.render(candidate), "candidate.md"))
        #expect(try ReportFixtures.matchesGolden(CandidateReportCSV.render(candidate), "candidate.csv"))
        #expect(try ReportFixtures.matchesGolden(Self.json(candidate), "candidate.json"))
    }

    @Test("the figures in the fixed pipeline are the hand-computed ones")
    func figures() throws {
        // Ada: apis (4+3)/2 = 3.5 w2, databases 3 w1 → (7 + 3) / 3 = 3.333…
        let ada = try #require(position.candidates.first { $0.name == "Ada Lovelace" })
        #expect(abs((ada.score ?? 0) - 10.0 / 3) < 1e-12)
        #expect(ada.rank == 1 && ada.recommendation == "yes")
        // Alan: apis (1+3)/2 = 2 w2, databases 2 w1 → 2; a strong no and a 2-point split on apis
        #expect(candidate.score == 2 && candidate.flags == ["strong_no", "disagreement:apis"])
        #expect(candidate.rank == 3 && candidate.rankedCandidates == 3)
        #expect(candidate.rounds.first?.scorecards.map(\.recommendation) == ["strong_no", "no"])
    }

    @Test("the HTML reports are self-contained: no scripts and no external requests")
    func selfContained() {
        for html in [PositionReportHTML.render(position), CandidateReportHTML.render(candidate)] {
            #expect(!html.contains("<script"))
            #expect(!html.contains("src=\"http") && !html.contains("<link"))
            #expect(html.contains("<style>") && html.contains("<svg") && html.contains("@media print"))
        }
    }
}
