import DebriefCore
import DebriefReports
import Foundation
import Testing

@Suite("Round scores in reports")
struct RoundScoreTests {
    @Test("a round's score is the rubric-weighted score of #3, the same in the position and the candidate report")
    func weighted() throws {
        let dossier = try ReportFixtures.dossier()
        let position = try ReportFixtures.positionReport(dossier)
        // Round 1: APIs 4 and 3 (mean 3.5, weight 2), databases 3 and 3 (mean 3, weight 1):
        // (2 × 3.5 + 3) / 3 = 10/3, where a plain mean of the four ratings would say 3.25.
        let entry = try #require(position.candidates.first { $0.id == 1 })
        #expect(entry.roundScores == ["1": 10.0 / 3.0])
        let candidate = try CandidateReportBuilder.build(dossier, position: position, candidateID: 1)
        #expect(candidate.rounds.map(\.score) == [10.0 / 3.0])
        #expect(CandidateReportMarkdown.render(candidate).contains("3.33"))
    }

    @Test("a round with no ratings yet has no score")
    func pending() throws {
        let full = try ReportFixtures.dossier()
        let dossier = PositionDossier(
            position: full.position, candidates: full.candidates, interviewers: full.interviewers, rounds: full.rounds,
            scorecards: full.scorecards.filter { $0.candidateID != 3 }, rubricVersions: full.rubricVersions)
        let candidate = try CandidateReportBuilder.build(dossier, position: try ReportFixtures.positionReport(dossier), candidateID: 3)
        #expect(candidate.rounds.map(\.score) == [nil])
        #expect(candidate.rounds.map(\.status) == ["pending"])
    }
}
