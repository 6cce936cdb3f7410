import DebriefCore
import Foundation

/// Builds a candidate's report from the position's stored facts and its scored report.
public enum CandidateReportBuilder {
    /// The position's facts grouped by candidate, built once for a batch of reports.
    public struct Index: Sendable {
        let candidates: [Int64: Candidate]
        let entries: [Int64: PositionReport.CandidateEntry]
        let users: [Int64: User]
        let cards: GroupedByID<DossierScorecard>
        let rounds: GroupedByID<Round>
        let rankedCandidates: Int

        public init(_ dossier: PositionDossier, position report: PositionReport) {
            candidates = Dictionary(dossier.candidates.map { ($0.id ?? 0, $0) }) { first, _ in first }
            entries = Dictionary(report.candidates.map { ($0.id, $0) }) { first, _ in first }
            users = Dictionary(dossier.interviewers.map { ($0.id ?? 0, $0) }) { first, _ in first }
            cards = GroupedByID(dossier.scorecards, by: \.candidateID)
            rounds = GroupedByID(dossier.rounds, by: \.candidateID)
            rankedCandidates = report.candidates.filter { $0.rank != nil }.count
        }
    }

    public static func build(_ dossier: PositionDossier, position report: PositionReport, candidateID: Int64) throws(ReportError) -> CandidateReport {
        try build(dossier, position: report, candidateID: candidateID, index: Index(dossier, position: report))
    }

    public static func build(
        _ dossier: PositionDossier, position report: PositionReport, candidateID: Int64, index: Index
    ) throws(ReportError) -> CandidateReport {
        guard let candidate = index.candidates[candidateID], let entry = index.entries[candidateID] else {
            throw .candidateNotInPosition(candidateID: candidateID, position: dossier.position.title)
        }
        let users = index.users
        // The candidate's scorecards, read in place by their positions among the dossier's.
        let all = index.cards.elements, cards = index.cards.positions(of: candidateID)
        let rubricCompetencies = report.position.rubric.competencies
        let rounds = index.rounds[candidateID].map { round -> CandidateReport.RoundRow in
            let roundCards = cards.filter { all[$0].scorecard.roundID == round.id }.sorted {
                all[$0].scorecard.interviewerID < all[$1].scorecard.interviewerID
            }
            return CandidateReport.RoundRow(
                id: round.id ?? 0, kind: round.kind.rawValue, scheduledAt: round.scheduledAt, status: roundCards.isEmpty ? "pending" : "held",
                score: round.id.flatMap { entry.roundScores[String($0)] ?? nil },
                scorecards: roundCards.map { scorecardRow(all[$0].scorecard, users: users) })
        }
        var questions: [Int64: [CandidateReport.QuestionRating]] = [:]
        let byRound = cards.sorted {
            (all[$0].scorecard.roundID, all[$0].scorecard.interviewerID) < (all[$1].scorecard.roundID, all[$1].scorecard.interviewerID)
        }
        for at in byRound {
            addQuestionRatings(of: all[at], users: users, to: &questions)
        }
        var notes: [String] = []
        if rounds.isEmpty { notes.append("no rounds are scheduled for this candidate and position") }
        notes += ReportNotes.unscored(entry, name: nil)
        if entry.score != nil, index.rankedCandidates == 1 { notes.append(ReportNotes.onlyScored(name: nil)) }
        return CandidateReport(
            candidate: .init(id: candidateID, name: candidate.name, email: candidate.email.value, stage: candidate.stage.rawValue),
            position: report.position, score: entry.score, calibratedScore: entry.calibratedScore, coverage: entry.coverage,
            recommendation: entry.recommendation, needsDebrief: entry.needsDebrief, flags: entry.flags, flagReasons: entry.flagReasons,
            rank: entry.rank,
            percentile: entry.percentile, rankedCandidates: index.rankedCandidates,
            competencies: rubricCompetencies.map { competency in
                let figure = entry.competencies[competency.id]
                return .init(
                    id: competency.id, title: competency.title, weight: competency.weight, mean: figure?.mean, n: figure?.n ?? 0,
                    spread: figure?.spread)
            },
            rounds: rounds,
            questions: questions.keys.sorted().map { id in
                .init(id: id, text: dossier.questions[id]?.text ?? "question #\(id)", ratings: questions[id] ?? [])
            },
            notes: notes)
    }

    /// One scorecard's row in its round. Borrowed where it is, not copied: a copy of a scorecard
    /// retains every string it holds, which a batch's threads share (the rubric, its hash).
    private static func scorecardRow(_ card: borrowing Scorecard, users: [Int64: User]) -> CandidateReport.ScorecardRow {
        let user = users[card.interviewerID]
        return CandidateReport.ScorecardRow(
            interviewer: user?.email.value ?? "#\(card.interviewerID)", name: user?.name ?? "",
            recommendation: card.recommendation?.rawValue ?? Recommendation.noDecision.rawValue,
            ratings: Dictionary(card.ratings.filter { $0.questionID == nil }.map { ($0.competencyID, $0.value.point) }) { first, _ in first },
            notes: card.notes, version: card.version, submittedAt: card.submittedAt,
            enteredBy: card.enteredByID.map { users[$0]?.email.value ?? "#\($0)" },
            amendReason: card.amendReason)
    }

    /// A scorecard's ratings of questions, added to each question's list.
    private static func addQuestionRatings(
        of card: borrowing DossierScorecard, users: [Int64: User], to questions: inout [Int64: [CandidateReport.QuestionRating]]
    ) {
        for rating in card.scorecard.ratings {
            guard let questionID = rating.questionID else { continue }
            questions[questionID, default: []].append(
                .init(
                    roundID: card.scorecard.roundID, round: card.roundKind.rawValue,
                    recommendation: card.scorecard.recommendation?.rawValue ?? Recommendation.noDecision.rawValue,
                    submittedAt: card.scorecard.submittedAt,
                    interviewer: users[card.scorecard.interviewerID]?.email.value ?? "#\(card.scorecard.interviewerID)",
                    competency: rating.competencyID, rating: rating.value.point, note: rating.note))
        }
    }
}
