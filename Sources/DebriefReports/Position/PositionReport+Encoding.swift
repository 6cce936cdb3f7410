/// Explicit encoders, so an undefined figure is written as `null` rather than left out.
extension PositionReport.CandidateEntry {
    private enum Keys: String, CodingKey {
        case id, name, email, stage, score, coverage, recommendation, flags, rank, percentile, scorecards, competencies
        case calibratedScore = "calibrated_score", needsDebrief = "needs_debrief", flagReasons = "flag_reasons"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(stage, forKey: .stage)
        try container.encode(score, forKey: .score)
        try container.encode(calibratedScore, forKey: .calibratedScore)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(recommendation, forKey: .recommendation)
        try container.encode(needsDebrief, forKey: .needsDebrief)
        try container.encode(flags, forKey: .flags)
        try container.encode(flagReasons, forKey: .flagReasons)
        try container.encode(rank, forKey: .rank)
        try container.encode(percentile, forKey: .percentile)
        try container.encode(scorecards, forKey: .scorecards)
        try container.encode(competencies, forKey: .competencies)
    }
}

extension PositionReport.AgreementEntry {
    private enum Keys: String, CodingKey {
        case units, coders
        case krippendorffAlphaInterval = "krippendorff_alpha_interval", krippendorffAlphaOrdinal = "krippendorff_alpha_ordinal"
        case icc21 = "icc2_1", icc2K = "icc2_k"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(krippendorffAlphaInterval, forKey: .krippendorffAlphaInterval)
        try container.encode(krippendorffAlphaOrdinal, forKey: .krippendorffAlphaOrdinal)
        try container.encode(icc21, forKey: .icc21)
        try container.encode(icc2K, forKey: .icc2K)
        try container.encode(units, forKey: .units)
        try container.encode(coders, forKey: .coders)
    }
}

extension PositionReport.CalibrationEntry {
    private enum Keys: String, CodingKey {
        case interviewer, name, scorecards, mean, leniency
        case noDecisionShare = "no_decision_share", strongShare = "strong_share", corrected = "corrected_in_calibrated_score"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(interviewer, forKey: .interviewer)
        try container.encode(name, forKey: .name)
        try container.encode(scorecards, forKey: .scorecards)
        try container.encode(mean, forKey: .mean)
        try container.encode(leniency, forKey: .leniency)
        try container.encode(noDecisionShare, forKey: .noDecisionShare)
        try container.encode(strongShare, forKey: .strongShare)
        try container.encode(correctedInCalibratedScore, forKey: .corrected)
    }
}

extension PositionReport.PositionInfo {
    private enum Keys: String, CodingKey { case id, title, level, rubric }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(level, forKey: .level)
        try container.encode(rubric, forKey: .rubric)
    }
}
