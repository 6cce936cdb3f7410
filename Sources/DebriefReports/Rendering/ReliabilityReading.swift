import DebriefCore

/// The panel reliability study in words, for the reports' "How much to trust these scores".
enum ReliabilityReading {
    /// "With 3 interviewers a candidate's score has reliability 0.74; 5 reach 0.8." The first panel
    /// size is the position's usual one (its harmonic mean, rounded).
    static func sentence(_ study: PanelReliability) -> String {
        let usual = max(1, min(8, Int(study.interviewersPerCandidate.rounded())))
        let start =
            "With \(usual) interviewer\(usual == 1 ? "" : "s") a candidate's score has reliability \(Figures.number(study.projected(interviewers: usual)))"
        switch (study.smallestPanel(reaching: 0.7), study.smallestPanel(reaching: 0.8)) {
        case (_, let high?) where high <= usual: return start + "; that is past 0.8."
        case (_, let high?): return start + "; \(high) reach 0.8."
        case (let low?, nil) where low <= usual: return start + "; no panel of up to 8 reaches 0.8."
        case (let low?, nil): return start + "; \(low) reach 0.7, and no panel of up to 8 reaches 0.8."
        case (nil, _):
            return start + "; no panel of up to 8 reaches 0.7: the ratings say more about the interviewers and the day than about the candidates."
        }
    }
}
