/// How one interviewer rates compared with their colleagues.
public struct InterviewerCalibration: Hashable, Sendable {
    public let interviewerID: Int64
    public let scorecards: Int
    /// The mean of all their ratings; nil if they never rated.
    public let mean: Double?
    /// Their rating minus the mean of the other interviewers' ratings of the same candidate and
    /// competency, averaged; positive is lenient, negative harsh. Nil without shared units.
    public let leniency: Double?
    /// The share of their scorecards that recommended no decision.
    public let noDecisionShare: Double
    /// The share of their scorecards that recommended strong yes or strong no.
    public let strongShare: Double

    /// True when there are enough scorecards to correct for their leniency.
    public var isCalibrated: Bool { scorecards >= Calibration.minimumScorecards && leniency != nil }
}

/// Interviewer calibration over a position's submitted scorecards.
public enum Calibration {
    /// Leniency is corrected only for interviewers with at least this many scorecards.
    public static let minimumScorecards = 5

    public static func evaluate(cards: [ScoredCard], matrix: ReliabilityMatrix) -> [InterviewerCalibration] {
        let byInterviewer = Dictionary(grouping: cards, by: \.interviewerID)
        return byInterviewer.keys.sorted().map { interviewer in
            let own = byInterviewer[interviewer]!
            let values = own.flatMap { $0.values.values }
            var differences: [Double] = []
            for row in matrix.cells.values {
                guard let mine = row[interviewer], let others = StableSum.mean(row.filter { $0.key != interviewer }.map(\.value)) else { continue }
                differences.append(mine - others)
            }
            let count = Double(own.count)
            return InterviewerCalibration(
                interviewerID: interviewer, scorecards: own.count, mean: StableSum.mean(values), leniency: StableSum.mean(differences),
                noDecisionShare: Double(own.filter { $0.recommendation == .noDecision }.count) / count,
                strongShare: Double(own.filter { $0.recommendation == .strongYes || $0.recommendation == .strongNo }.count) / count)
        }
    }
}
