import DebriefCore
import DebriefReports
import DebriefStore
import Testing

@Suite("Position facts")
struct PositionFactsTests {
    @Test("a report built from the facts read for it equals the one built from the whole dossier, for every position")
    func factsMatchDossier() async throws {
        let cli = try CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "40", "--seed", "11"]).code == 0)
        let store = try AppDatabase.open(path: cli.databasePath)
        let positions = try await store.positions()
        #expect(positions.count > 1)
        var ratedPerQuestion = false
        for position in positions {
            let id = try #require(position.id)
            let dossier = try await store.positionDossier(positionID: id)
            let facts = try await store.positionFacts(positionID: id)
            ratedPerQuestion = ratedPerQuestion || dossier.scorecards.contains { $0.scorecard.ratings.contains { $0.questionID != nil } }
            #expect(facts.cards == PositionFacts(dossier).cards)
            #expect(facts.dataVersion == dossier.dataVersion)
            let fromFacts = try JSONText.string(try PositionReportBuilder.build(facts, currentRubric: nil))
            let fromDossier = try JSONText.string(try PositionReportBuilder.build(dossier, currentRubric: nil))
            #expect(fromFacts == fromDossier, "position #\(id)")
        }
        #expect(ratedPerQuestion, "the demo data should include per-question ratings")
    }
}
