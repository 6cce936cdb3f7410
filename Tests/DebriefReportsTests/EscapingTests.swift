import DebriefCore
import DebriefReports
import Foundation
import Testing

@Suite("Hostile names and notes are escaped in every format")
struct EscapingTests {
    static let hostileName = "<script>alert('x')</script> \"Bobby\" | =cmd"
    static let hostileNote = "</td><img src=x onerror=alert(1)> **bold** [link](javascript:alert(2)) =HYPERLINK(\"http://evil\")"

    let dossier = try! ReportFixtures.dossier(names: [hostileName, "@SUM(A1)", "+1-555"], note: hostileNote)
    var position: PositionReport { try! ReportFixtures.positionReport(dossier) }
    var candidate: CandidateReport { try! CandidateReportBuilder.build(dossier, position: position, candidateID: 1) }

    @Test("HTML shows the text and never runs it")
    func html() {
        for html in [PositionReportHTML.render(position), CandidateReportHTML.render(candidate)] {
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img"))
            #expect(html.contains("&lt;script&gt;"))
        }
        #expect(CandidateReportHTML.render(candidate).contains("&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test("Markdown cannot break out of its tables or make links")
    func markdown() {
        let text = PositionReportMarkdown.render(position) + CandidateReportMarkdown.render(candidate)
        #expect(!text.contains("<script>"))
        #expect(text.contains("\\<script\\>"))
        #expect(!text.contains("[link](javascript"))
        let rankingRows = PositionReportMarkdown.render(position).split(separator: "\n").filter {
            $0.hasPrefix("| ") && $0.contains("example.com") == false && $0.contains("interviewing")
        }
        #expect(rankingRows.allSatisfy { $0.filter { $0 == "|" }.count - $0.components(separatedBy: "\\|").count + 1 == 10 })
    }

    @Test("CSV cells that a spreadsheet would run are neutralised, and the file reads back through a CSV parser")
    func csv() throws {
        let position = PositionReportCSV.render(self.position)
        let records = try CSVReader.records(position)
        let names = records.dropFirst().map { $0.fields[1] }
        #expect(Set(names) == ["<script>alert('x')</script> \"Bobby\" | =cmd", "'@SUM(A1)", "'+1-555"])
        #expect(records.allSatisfy { $0.fields.count == records[0].fields.count })
        let long = try CSVReader.records(CandidateReportCSV.render(candidate))
        #expect(long.count > 1 && long.allSatisfy { $0.fields.count == 11 })
        #expect(CSVField.escaped(Self.hostileNote).hasPrefix("\""))
        let ratings = try CSVReader.records(PositionRatingsCSV.render(dossier))
        #expect(ratings.count == 1 + 10)  // ten ratings in the fixed pipeline
        #expect(ratings.dropFirst().allSatisfy { $0.fields.count == PositionRatingsCSV.header.count })
        #expect(ratings.dropFirst().contains { $0.fields[0] == Self.hostileName })
    }

    @Test("JSON keeps the text as data")
    func json() throws {
        let data = try JSONEncoder().encode(candidate)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((object?["candidate"] as? [String: Any])?["name"] as? String == Self.hostileName)
    }
}
