/// The panel reliability study of a position's submitted scorecards.
public enum PanelStudy {
    /// One rating per scorecard and competency with signal (the scorecard's folded value), the
    /// rubric's first competency as the baseline; a refusal says why when there is too little data.
    public static func of(cards: [ScoredCard], rubric: Rubric) -> Result<PanelReliability, VarianceComponents.Refusal> {
        of(cards: cards, competencyOrder: rubric.competencies.map(\.id))
    }

    /// The same, with `competencyOrder`'s first competency as the baseline (competencies it leaves out follow, sorted).
    public static func of(cards: [ScoredCard], competencyOrder: [String]) -> Result<PanelReliability, VarianceComponents.Refusal> {
        // Sorted, so the same scorecards give the same figures to the last digit.
        let ratings = cards.flatMap { card in
            // In competency order already.
            card.values.map {
                PanelRating(candidate: card.candidateID, interviewer: card.interviewerID, competency: $0.key, value: $0.value)
            }
        }
        do {
            return .success(try PanelReliability(ratings: ratings, competencyOrder: competencyOrder))
        } catch {
            return .failure(error)
        }
    }
}
