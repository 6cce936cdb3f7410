import DebriefCore

extension PositionReport.ReliabilityEntry {
    /// The study's figures, or nulls and the refusal's reason in `notes` (nil: the study was left out).
    static func of(_ result: Result<PanelReliability, VarianceComponents.Refusal>?, notes: inout [String]) -> Self {
        switch result {
        case nil:
            notes.append("the reliability study was not worked out for this report")
            return .absent
        case .failure(let refusal):
            notes.append("the reliability study is not shown: \(refusal)")
            return .absent
        case .success(let study):
            let components = study.components
            let errors = components.errors.map {
                Components(
                    candidate: $0.candidate, interviewer: $0.interviewer, candidateCompetency: $0.candidateCompetency, residual: $0.residual)
            }
            if errors == nil { notes.append("the variance components' standard errors are not shown: the data cannot give them honestly") }
            return .init(
                g: study.reliability, q: study.overlap, interviewersPerCandidate: study.interviewersPerCandidate,
                variance: .init(
                    candidate: components.candidate, interviewer: components.interviewer, candidateCompetency: components.candidateCompetency,
                    residual: components.residual),
                standardErrors: errors, projections: study.projections.map { .init(interviewers: $0.interviewers, reliability: $0.reliability) },
                interviewersFor07: study.smallestPanel(reaching: 0.7), interviewersFor08: study.smallestPanel(reaching: 0.8),
                summary: ReliabilityReading.sentence(study))
        }
    }

    /// Every figure null, no projections.
    private static let absent = Self(
        g: nil, q: nil, interviewersPerCandidate: nil, variance: nil, standardErrors: nil, projections: [], interviewersFor07: nil,
        interviewersFor08: nil, summary: nil)
}

/// The D-study as the HTML reports draw it.
enum ReliabilityChart {
    /// Bars of projected reliability for panels of 1 to 8 interviewers; empty without a study.
    static func svg(_ entry: PositionReport.ReliabilityEntry) -> String {
        guard !entry.projections.isEmpty else { return "" }
        return SVGChart.bars(
            entry.projections.map { SVGChart.Bar(label: "\($0.interviewers) interviewer\($0.interviewers == 1 ? "" : "s")", value: $0.reliability) },
            minimum: 0, maximum: 1, title: "Projected reliability of a candidate's score by panel size")
    }
}
