import DebriefCore

/// Builds the question-health report from its facts alone: each scale's ratings assessed by Core's
/// `QuestionHealth`, labelled with the bank's questions.
public enum QuestionHealthReportBuilder {
    public static func build(_ facts: QuestionHealthFacts) -> QuestionHealthReport {
        var entries: [QuestionHealthReport.QuestionEntry] = []
        for group in facts.groups {
            for health in QuestionHealth.assess(group.ratings, scale: group.scale) {
                guard let question = facts.questions[health.question] else { continue }
                entries.append(entry(health, question: question, scale: group.scale))
            }
        }
        entries.sort { ($0.id, $0.scaleMin, $0.scaleMax) < ($1.id, $1.scaleMin, $1.scaleMax) }
        var notes: [String] = []
        if entries.isEmpty {
            notes.append(
                facts.position == nil
                    ? "no submitted rating is for a question of the bank yet: interviewers rate per question from a round's kit"
                    : "no submitted rating in this position is for a question of the bank yet: interviewers rate per question from a round's kit")
        }
        if facts.groups.count > 1 {
            notes.append("ratings were given on \(facts.groups.count) scales; each question's figures are per scale")
        }
        return QuestionHealthReport(
            position: facts.position.map { QuestionHealthReport.PositionInfo(id: $0.id ?? 0, title: $0.title) },
            questions: entries,
            minimums: .init(
                asked: QuestionHealth.minimumAsked, rated: QuestionHealth.minimumRated,
                candidatesForCorrelation: QuestionHealth.minimumCandidatesForCorrelation,
                candidatesForAgreement: QuestionHealth.minimumSharedCandidates),
            notes: notes)
    }

    private static func entry(
        _ health: QuestionHealth, question: QuestionHealthFacts.AskedQuestion, scale: RatingScale
    ) -> QuestionHealthReport.QuestionEntry {
        func interval(_ range: ClosedRange<Double>?) -> QuestionHealthReport.Interval? {
            range.map { .init(low: $0.lowerBound, high: $0.upperBound) }
        }
        return QuestionHealthReport.QuestionEntry(
            id: question.id, text: question.text, title: question.title, setId: question.setID, setTitle: question.setTitle,
            setVersion: question.setVersion, scaleMin: scale.minimum, scaleMax: scale.maximum, asked: health.asked, rated: health.rated,
            noSignalShare: health.noSignalShare, floorShare: health.floorShare, ceilingShare: health.ceilingShare, mean: health.mean,
            meanInterval: interval(health.meanInterval), standardDeviation: health.standardDeviation,
            itemTotalCorrelation: health.itemTotalCorrelation, itemTotalInterval: interval(health.itemTotalInterval),
            agreement: health.agreement, flags: health.flags.map(\.rawValue), notes: health.notes)
    }
}
