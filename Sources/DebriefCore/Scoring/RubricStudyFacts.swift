/// What the reliability study of a rubric is computed from: the current submitted scorecards of
/// every position scored against it, pooled.
///
/// Each candidate within one position is one candidate of the study (`ScoredCard.candidateID` is
/// a candidacy number): a person who interviews for two positions is two candidacies, rated against
/// each position's bar.
public struct RubricStudyFacts: Sendable {
    /// A position the study pools, with what it contributes.
    public struct PooledPosition: Hashable, Sendable {
        public let id: Int64
        public let title: String
        /// Candidates with a submitted scorecard.
        public let candidates: Int
        public let scorecards: Int

        public init(id: Int64, title: String, candidates: Int, scorecards: Int) {
            (self.id, self.title, self.candidates, self.scorecards) = (id, title, candidates, scorecards)
        }
    }

    public let rubricID: String
    /// Every position that uses the rubric, in id order.
    public let positions: [PooledPosition]
    /// Their current submitted scorecards, candidates numbered per candidacy.
    public let cards: [ScoredCard]

    public init(rubricID: String, positions: [PooledPosition], cards: [ScoredCard]) {
        self.rubricID = rubricID
        self.positions = positions
        self.cards = cards
    }
}
