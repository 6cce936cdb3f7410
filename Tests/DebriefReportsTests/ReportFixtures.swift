import DebriefCore
import DebriefReports
import Foundation

/// A small fixed pipeline: one position, three candidates, two interviewers, fixed dates.
enum ReportFixtures {
    static let rubricYAML = """
        id: backend-engineer
        title: Backend Engineer
        version: "1"
        scale:
          - {value: 1, label: Weak, description: Wrong.}
          - {value: 2, label: Developing, description: Partly right.}
          - {value: 3, label: Strong, description: Right.}
          - {value: 4, label: Exceptional, description: Beyond.}
        competencies:
          - {id: apis, title: APIs, weight: 2, anchors: {1: a, 2: b, 3: c, 4: d}}
          - {id: databases, title: Databases, anchors: {1: a, 2: b, 3: c, 4: d}}
        rounds:
          - {kind: technical, competencies: [apis, databases]}
        thresholds: {strong_yes: 3.5, yes: 2.75, no: 2}
        flags: {any_strong_no: true, disagreement: 2}
        """

    static let rubric = try! RubricDecoder.decode(yaml: rubricYAML, file: "backend-engineer.yaml")
    static let day = Date(timeIntervalSince1970: 1_790_000_000)

    /// The pipeline, with candidate names and notes replaceable to test escaping.
    static func dossier(names: [String] = ["Ada Lovelace", "Alan Turing", "Grace Hopper"], note: String = "Clear and careful.") throws
        -> PositionDossier
    {
        let position = try Position(id: 1, title: "Backend Engineer", level: "senior", rubricID: "backend-engineer", createdAt: day)
        let candidates = try names.enumerated().map { index, name in
            try Candidate(
                id: Int64(index + 1), name: name, email: EmailAddress("candidate\(index + 1)@example.com"), stage: .interviewing, createdAt: day)
        }
        let interviewers = try [
            User(id: 10, name: "Barbara Liskov", email: EmailAddress("barbara@example.com"), role: .interviewer, createdAt: day),
            User(id: 11, name: "Ken Thompson", email: EmailAddress("ken@example.com"), role: .interviewer, createdAt: day),
        ]
        let rounds = try (1...3).map { index in
            try Round(
                id: Int64(index), candidateID: Int64(index), positionID: 1, kind: .technical,
                scheduledAt: day.addingTimeInterval(Double(index) * 86_400), interviewerIDs: [10, 11])
        }
        let ratings: [Int64: [(Int64, Int?, Int?, Recommendation)]] = [
            1: [(10, 4, 3, .strongYes), (11, 3, 3, .yes)],
            2: [(10, 1, nil, .strongNo), (11, 3, 2, .no)],
            3: [(10, 3, 3, .yes)],
        ]
        var cards: [DossierScorecard] = []
        for (roundID, entries) in ratings.sorted(by: { $0.key < $1.key }) {
            for (interviewer, apis, databases, recommendation) in entries {
                let card = try Scorecard(
                    id: roundID * 100 + interviewer, roundID: roundID, interviewerID: interviewer, state: .submitted, rubricID: rubric.id,
                    rubricHash: rubric.contentHash, scale: rubric.ratingScale,
                    ratings: [
                        Rating(competencyID: "apis", value: apis.map(RatingValue.point) ?? .noSignal),
                        Rating(competencyID: "databases", value: databases.map(RatingValue.point) ?? .noSignal),
                    ],
                    recommendation: recommendation, notes: note, submittedAt: day.addingTimeInterval(Double(roundID) * 86_400 + 3_600))
                cards.append(DossierScorecard(scorecard: card, candidateID: roundID, roundKind: .technical))
            }
        }
        return PositionDossier(
            position: position, candidates: candidates, interviewers: interviewers, rounds: rounds, scorecards: cards,
            rubricVersions: [rubric.contentHash: rubricYAML])
    }

    static func positionReport(_ dossier: PositionDossier) throws -> PositionReport {
        try PositionReportBuilder.build(dossier, currentRubric: rubric)
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/golden").standardized

    /// Compares `text` with the golden file; `DEBRIEF_UPDATE_GOLDEN=1 swift test` rewrites it.
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DEBRIEF_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == text
    }
}
