/// The panel reliability study of a position's submitted scorecards.
public enum PanelStudy {
    /// One rating per scorecard and competency with signal (the scorecard's folded value), the
    /// rubric's first competency as the baseline; a refusal says why when there is too little data.
    public static func of(cards: [ScoredCard], rubric: Rubric) -> Result<PanelReliability, VarianceComponents.Refusal> {
        of(cards: cards, competencyOrder: rubric.competencies.map(\.id))
    }

    /// The same, with `competencyOrder`'s first competency as the baseline (competencies it leaves out follow, sorted).
    public static func of(cards: [ScoredCard], competencyOrder: [String]) -> Result<PanelReliability, VarianceComponents.Refusal> {
        // Each scorecard's values come in competency-id order (`CompetencyValues`), so the same
        // scorecards give the same figures to the last digit. Reserved at its size: grown by
        // doubling, a million ratings' array was briefly held twice over.
        var ratings: [PanelRating] = []
        ratings.reserveCapacity(cards.reduce(0) { $0 + $1.values.count })
        for card in cards {
            for value in card.values {
                ratings.append(PanelRating(candidate: card.candidateID, interviewer: card.interviewerID, competency: value.key, value: value.value))
            }
        }
        do {
            return .success(try PanelReliability(ratings: ratings, competencyOrder: competencyOrder))
        } catch {
            return .failure(error)
        }
    }
}
