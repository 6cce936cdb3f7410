/// What a scorecard must satisfy against its rubric and round, and who may read it.
public enum ScorecardRules {
    /// Refuses ratings of competencies the rubric lacks or the round does not cover, and ratings
    /// off the rubric's scale.
    public static func validate(_ scorecard: Scorecard, rubric: Rubric, roundKind: RoundKind) throws(FieldError) {
        guard scorecard.rubricID == rubric.id, scorecard.rubricHash == rubric.contentHash else {
            throw FieldError(field: "rubric", "the scorecard names rubric \(scorecard.rubricID) but the position uses \(rubric.id)")
        }
        let plan = try rubric.requirePlan(for: roundKind)
        for rating in scorecard.ratings {
            guard rubric.competency(rating.competencyID) != nil else {
                throw FieldError(
                    field: "competency",
                    "'\(rating.competencyID)' is not a competency of \(rubric.id); use one of: \(plan.competencies.joined(separator: ", "))")
            }
            guard plan.competencies.contains(rating.competencyID) else {
                throw FieldError(
                    field: "competency",
                    "a \(roundKind) round does not cover '\(rating.competencyID)'; it covers: \(plan.competencies.joined(separator: ", "))")
            }
            try rubric.ratingScale.validate(rating.value, field: "rating for \(rating.competencyID)")
        }
    }

    /// The scorecards of one round that `viewer` may read. Drafts are private to their author.
    /// Recruiters and admins read every submitted scorecard; an interviewer reads colleagues'
    /// submitted scorecards only once they have submitted their own, so nobody anchors on others.
    public static func visible(_ scorecards: [Scorecard], to viewer: Principal) -> [Scorecard] {
        let own = scorecards.filter { $0.interviewerID == viewer.userID && viewer.userID != nil }
        let others = scorecards.filter { !($0.interviewerID == viewer.userID && viewer.userID != nil) && $0.state == .submitted }
        switch viewer.role {
        case .admin, .recruiter:
            return own + others
        case .interviewer:
            return own.contains { $0.state == .submitted } ? own + others : own
        }
    }
}
