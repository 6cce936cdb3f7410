import DebriefCore
import DebriefReports
import Foundation
import Testing

@Suite("Round kinds in a candidate's report")
struct RoundKindLabelTests {
    @Test("Markdown and HTML name a round's kind in words; CSV and JSON keep its slug")
    func wordsForPeopleSlugsForFiles() throws {
        let full = try ReportFixtures.dossier()
        let rounds = try full.rounds.map { round in
            try Round(
                id: round.id, candidateID: round.candidateID, positionID: round.positionID, kind: .systemDesign,
                scheduledAt: round.scheduledAt, interviewerIDs: round.interviewerIDs)
        }
        let dossier = PositionDossier(
            position: full.position, candidates: full.candidates, interviewers: full.interviewers, rounds: rounds,
            scorecards: full.scorecards, rubricVersions: full.rubricVersions)
        let report = try CandidateReportBuilder.build(dossier, position: try ReportFixtures.positionReport(dossier), candidateID: 1)
        #expect(CandidateReportMarkdown.render(report).contains("### system design (#1, "))
        let html = CandidateReportHTML.render(report)
        #expect(html.contains("<h3>system design · ") && !html.contains("system_design"))
        #expect(CandidateReportCSV.render(report).contains(",system_design,"))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains(#""kind":"system_design""#) && !json.contains("kindLabel"))
    }
}
