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
        let differences = differencesFromColleagues(matrix)
        return byInterviewer.keys.sorted().map { interviewer in
            let own = byInterviewer[interviewer]!
            let values = own.flatMap { $0.values.map(\.value) }
            let count = Double(own.count)
            return InterviewerCalibration(
                interviewerID: interviewer, scorecards: own.count, mean: StableSum.mean(values),
                leniency: StableSum.mean(differences[interviewer] ?? []),
                noDecisionShare: Double(own.filter { $0.recommendation == .noDecision }.count) / count,
                strongShare: Double(own.filter { $0.recommendation == .strongYes || $0.recommendation == .strongNo }.count) / count)
        }
    }

    /// For each interviewer, their value minus the mean of the others' values, for every unit they
    /// share with colleagues. One pass over the units: asking each interviewer in turn to scan every
    /// unit took minutes' worth of work at a position of 20,000 candidates and 60 interviewers.
    static func differencesFromColleagues(_ matrix: ReliabilityMatrix) -> [Int64: [Double]] {
        var differences: [Int64: [Double]] = [:]
        var others: [Double] = []
        for unit in matrix.pairableUnits.indices {
            let row = matrix.cells(ofPairable: unit)
            for (interviewer, mine) in row {
                others.removeAll(keepingCapacity: true)
                for (colleague, value) in row where colleague != interviewer { others.append(value) }
                differences[interviewer, default: []].append(mine - StableSum.mean(others)!)
            }
        }
        return differences
    }
}
