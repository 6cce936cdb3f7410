import DebriefCore
import GRDB

/// A position's dossier is read in two parts that one snapshot or two connections at once can
/// hold: its rounds with their candidates, and its scorecards with what they refer to. Each part
/// carries the data version it was read at.
struct DossierRounds: Sendable {
    let position: Position
    let rounds: [Round]
    let candidates: [Candidate]
    let dataVersion: ReportDataVersion

    static func read(_ db: Database, positionID: Int64, candidateID: Int64?) throws -> DossierRounds {
        let position = try AppDatabase.fetchPosition(db, id: positionID)
        let rounds = try AppDatabase.rounds(db, positionID: positionID, candidateID: candidateID)
        let candidates = try AppDatabase.candidates(db, ids: Array(Set(rounds.map(\.candidateID))))
        return DossierRounds(
            position: position, rounds: rounds, candidates: candidates, dataVersion: try AppDatabase.reportDataVersion(db, positionID: positionID))
    }

    /// The people the dossier names: the panels' and whoever entered a scorecard on an interviewer's behalf.
    func people(with cards: DossierCards) -> [Int64] {
        Array(Set(rounds.lazy.flatMap(\.interviewerIDs)).union(cards.enteredBy))
    }

    func dossier(with cards: DossierCards, interviewers: [User]) -> PositionDossier {
        PositionDossier(
            position: position, candidates: candidates, interviewers: interviewers, rounds: rounds, scorecards: cards.scorecards,
            rubricVersions: cards.rubricVersions, questions: cards.questions, dataVersion: dataVersion)
    }
}

/// The position's current submitted scorecards, the rubric versions and questions they refer to,
/// and who entered any of them on an interviewer's behalf.
struct DossierCards: Sendable {
    let scorecards: [DossierScorecard]
    let rubricVersions: [String: String]
    let questions: [Int64: Question]
    let enteredBy: Set<Int64>
    let dataVersion: ReportDataVersion

    static func read(_ db: Database, positionID: Int64, candidateID: Int64?) throws -> DossierCards {
        let scorecards = try AppDatabase.submittedScorecards(db, positionID: positionID, candidateID: candidateID)
        // What the scorecards refer to, each collected into its set as it is met: the rubric
        // versions (one hash for most scorecards, so compared with the last before it is hashed),
        // the questions, and who entered a scorecard for someone else.
        var hashes = Set<String>(), questionIDs = Set<Int64>(), enteredBy = Set<Int64>()
        var lastHash: String?
        for card in scorecards.lazy.map(\.scorecard) {
            if let person = card.enteredByID { enteredBy.insert(person) }
            if card.rubricHash != lastHash {
                hashes.insert(card.rubricHash)
                lastHash = card.rubricHash
            }
            for rating in card.ratings { if let question = rating.questionID { questionIDs.insert(question) } }
        }
        let questions = try ChunkedLookup.fetch(Array(questionIDs)) { try QuestionRecord.filter($0.contains(Column("id"))).fetchAll(db) }.map {
            try $0.domain()
        }
        return DossierCards(
            scorecards: scorecards, rubricVersions: try AppDatabase.rubricTexts(db, hashes: Array(hashes)),
            questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id ?? 0, $0) }), enteredBy: enteredBy,
            dataVersion: try AppDatabase.reportDataVersion(db, positionID: positionID))
    }
}
