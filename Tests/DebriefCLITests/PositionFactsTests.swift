import DebriefCore
import DebriefReports
import GRDB
import Testing

@testable import DebriefStore

@Suite("Position facts")
struct PositionFactsTests {
    @Test("a report built from the facts read for it equals the one built from the whole dossier, for every position")
    func factsMatchDossier() async throws {
        let cli = try CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "40", "--seed", "11"]).code == 0)
        let store = try AppDatabase.open(path: cli.databasePath)
        let positions = try await store.positions()
        #expect(positions.count > 1)
        // In every position, one scorecard amended twice and another once: only each one's latest
        // version counts.
        for position in positions {
            let dossier = try await store.positionDossier(positionID: try #require(position.id))
            for (card, times) in zip(dossier.scorecards.prefix(2), [2, 1]) {
                let interviewer = try #require(dossier.interviewers.first { $0.id == card.scorecard.interviewerID })
                let rating = try #require(card.scorecard.ratings.first { $0.questionID == nil && $0.value.point != nil })
                for time in 1...times {
                    let point = (rating.value.point! + time - 1) % 4 + 1
                    let result = await cli.run([
                        "scorecards", "submit", "--round", "\(card.scorecard.roundID)", "--interviewer", interviewer.email.value,
                        "--rating", "\(rating.competencyID)=\(point)", "--recommendation", "no", "--reason", "corrected",
                    ])
                    #expect(result.code == 0, "\(result.err)")
                }
            }
        }
        // The store reads a position holding a good share of all scorecards by scanning the rating
        // table, a smaller one by looking its ratings up: the demo has both.
        let file = try DatabaseQueue(path: cli.databasePath)
        let scorecardsStored = try await file.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM scorecard") ?? 0 }
        var scanned: [Bool] = []
        for position in positions {
            let own = try await file.read {
                try Int64.fetchOne(
                    $0, sql: "SELECT count(*) FROM round r JOIN scorecard s ON s.round_id = r.id WHERE r.position_id = ?", arguments: [position.id])
                    ?? 0
            }
            scanned.append(own * SubmittedScorecardReader.scanShare >= scorecardsStored)
        }
        #expect(scanned.contains(true) && scanned.contains(false), "\(scanned) of \(scorecardsStored) scorecards")
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
        let amended = try await store.positionDossier(positionID: try #require(positions.first?.id)).scorecards
        #expect(amended.contains { $0.scorecard.version == 3 } && amended.contains { $0.scorecard.version == 2 })
    }

    @Test("ratings read after a write to the position are never combined with scorecards read before it")
    func snapshotsOfDifferentVersions() async throws {
        let cli = try CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "12", "--seed", "5"]).code == 0)
        let store = try AppDatabase.open(path: cli.databasePath)
        let id = try #require(try await store.positions().first?.id)
        let versionAndFolds = { @Sendable (db: Database) throws in
            (try AppDatabase.reportDataVersion(db, positionID: id), try PositionRatingFolds.read(db, positionID: id))
        }
        let scorecards = try await store.read { try AppDatabase.factsBesideRatings($0, positionID: id) }
        let same = try await store.read(versionAndFolds)
        #expect(scorecards.facts(same.1, readAt: same.0) != nil, "read at one version, the two go together")

        // A scorecard amended between the two reads: its new version is not among the scorecards read.
        let dossier = try await store.positionDossier(positionID: id)
        try await Self.amendFirstScorecard(of: dossier, through: cli)
        let later = try await store.read(versionAndFolds)
        #expect(later.0 != same.0)
        #expect(scorecards.facts(later.1, readAt: later.0) == nil, "a write between the reads: read again in one snapshot")

        // The store's own read sees the amendment, as the dossier does.
        let facts = try await store.positionFacts(positionID: id)
        #expect(facts.cards == PositionFacts(try await store.positionDossier(positionID: id)).cards)
        #expect(facts.cards != PositionFacts(dossier).cards)
    }

    @Test("the dossier read in two parts at once equals the one read in one snapshot; parts read across a write are told apart")
    func dossierInTwoParts() async throws {
        let cli = try CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "12", "--seed", "5"]).code == 0)
        let store = try AppDatabase.open(path: cli.databasePath)
        for position in try await store.positions() {
            let id = try #require(position.id)
            #expect(Self.same(try await store.positionDossierReadInParallel(positionID: id), try await store.positionDossier(positionID: id)))
        }
        // The two parts carry the version they were read at: across a write they differ, and the
        // parallel read then reads the whole dossier again in one snapshot.
        let id = try #require(try await store.positions().first?.id)
        let rounds = try await store.read { try DossierRounds.read($0, positionID: id, candidateID: nil) }
        let dossier = try await store.positionDossier(positionID: id)
        try await Self.amendFirstScorecard(of: dossier, through: cli)
        let cards = try await store.read { try DossierCards.read($0, positionID: id, candidateID: nil) }
        #expect(rounds.dataVersion != cards.dataVersion)
        let after = try await store.positionDossierReadInParallel(positionID: id)
        #expect(Self.same(after, try await store.positionDossier(positionID: id)) && !Self.same(after, dossier))
    }

    /// Two dossiers hold the same records and versions.
    static func same(_ a: PositionDossier, _ b: PositionDossier) -> Bool {
        a.position == b.position && a.candidates == b.candidates && a.interviewers == b.interviewers && a.rounds == b.rounds
            && a.scorecards == b.scorecards && a.rubricVersions == b.rubricVersions && a.questions == b.questions && a.dataVersion == b.dataVersion
    }

    /// Amends the dossier's first scorecard through the CLI: a write to the position's data.
    static func amendFirstScorecard(of dossier: PositionDossier, through cli: CLIHarness) async throws {
        let card = try #require(dossier.scorecards.first)
        let interviewer = try #require(dossier.interviewers.first { $0.id == card.scorecard.interviewerID })
        let rating = try #require(card.scorecard.ratings.first { $0.questionID == nil && $0.value.point != nil })
        let result = await cli.run([
            "scorecards", "submit", "--round", "\(card.scorecard.roundID)", "--interviewer", interviewer.email.value,
            "--rating", "\(rating.competencyID)=\(rating.value.point! % 4 + 1)", "--recommendation", "no", "--reason", "corrected",
        ])
        #expect(result.code == 0, "\(result.err)")
    }
}
