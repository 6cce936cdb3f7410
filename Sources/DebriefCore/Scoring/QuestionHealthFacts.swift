/// What the question-health report is computed from: the current submitted ratings of the
/// positions it covers, grouped by the scale they were given on, and the bank questions they were for.
///
/// Each candidate's ratings within one position are one `QuestionRating.candidate` (a candidacy):
/// a candidate who interviews for two positions is rated against two rubrics, whose competencies
/// are not the same thing even where their ids match.
public struct QuestionHealthFacts: Sendable {
    /// A bank question that ratings were given for.
    public struct AskedQuestion: Hashable, Sendable {
        public let id: Int64
        public let text: String
        public let title: String?
        public let setID: Int64
        public let setTitle: String
        public let setVersion: Int

        public init(id: Int64, text: String, title: String?, setID: Int64, setTitle: String, setVersion: Int) {
            (self.id, self.text, self.title, self.setID, self.setTitle, self.setVersion) = (id, text, title, setID, setTitle, setVersion)
        }
    }

    /// The ratings given on one scale, with and without a question.
    public struct ScaleGroup: Sendable {
        public let scale: RatingScale
        public let ratings: [QuestionRating]

        public init(scale: RatingScale, ratings: [QuestionRating]) {
            self.scale = scale
            self.ratings = ratings
        }
    }

    /// The position the facts are limited to; nil for every position.
    public let position: Position?
    /// One group per scale, lowest minimum then lowest maximum first.
    public let groups: [ScaleGroup]
    /// Every question a rating in `groups` is for, by id.
    public let questions: [Int64: AskedQuestion]

    public init(position: Position?, groups: [ScaleGroup], questions: [Int64: AskedQuestion]) {
        self.position = position
        self.groups = groups.sorted { ($0.scale.minimum, $0.scale.maximum) < ($1.scale.minimum, $1.scale.maximum) }
        self.questions = questions
    }
}
