import DebriefCore

/// How much a rubric's scores can be trusted across every position that uses it: the reliability
/// study of their pooled scorecards. The JSON contract of `debrief report reliability RUBRIC
/// --format json` and `GET /api/v1/rubrics/{rubric}/reliability`, documented in the README.
public struct RubricReliabilityReport: Encodable, Sendable {
    public struct RubricInfo: Encodable, Sendable {
        public let id: String
        /// Null when the rubric is no longer in the rubrics folder.
        @NullEncoded public var title: String?
    }

    public struct PositionEntry: Encodable, Sendable {
        public let id: Int64
        public let title: String
        public let candidates: Int
        public let scorecards: Int
    }

    public let rubric: RubricInfo
    /// The positions pooled, in id order.
    public let positions: [PositionEntry]
    /// The same study as a position report's `reliability`, over every position's ratings.
    public let reliability: PositionReport.ReliabilityEntry
    public let notes: [String]
}

/// Builds the rubric's study from its facts alone.
public enum RubricReliabilityReportBuilder {
    /// `rubric` is the folder's version, for its title and competency order; without it the
    /// competencies are taken in id order.
    public static func build(_ facts: RubricStudyFacts, rubric: Rubric?) -> RubricReliabilityReport {
        var notes: [String] = []
        let order = rubric?.competencies.map(\.id) ?? Array(Set(facts.cards.flatMap(\.values.ids))).sorted()
        let reliability = PositionReport.ReliabilityEntry.of(PanelStudy.of(cards: facts.cards, competencyOrder: order), notes: &notes)
        if facts.positions.count > 1 {
            notes.append("candidates are pooled across \(facts.positions.count) positions: one who interviews for two counts as two")
        }
        return RubricReliabilityReport(
            rubric: .init(id: facts.rubricID, title: rubric?.title),
            positions: facts.positions.map { .init(id: $0.id, title: $0.title, candidates: $0.candidates, scorecards: $0.scorecards) },
            reliability: reliability, notes: notes)
    }
}
