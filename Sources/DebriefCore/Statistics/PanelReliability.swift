/// How much a position's scores can be trusted, and how many interviewers it needs: a G-study and
/// a D-study of its panels.
///
/// A candidate's score here is the plain mean of their ratings. Its true part is the candidate's
/// level and their competency profile averaged over the competencies rated (`candidate +
/// candidateCompetency / m`); its error is the residual averaged over their ratings, plus the
/// interviewers' leniency to the extent that candidates met different interviewers. That extent is
/// Putka, Le, McCloy & Diaz's (2008, *J. Appl. Psychol.* 93:959) q: 0 when every candidate met
/// the same interviewers (leniency shifts everyone alike), 1/k when no two candidates shared one.
/// G(q,k) is the reliability of the panels the position actually had; the D-study projects it to
/// panels of 1 to 8 interviewers that overlap as these did and rate as many competencies.
public struct PanelReliability: Hashable, Sendable {
    public let components: VarianceComponents
    /// The harmonic mean of the number of interviewers each candidate met (Putka's k).
    public let interviewersPerCandidate: Double
    /// The harmonic mean of the number of competencies each candidate was rated on.
    public let competenciesPerCandidate: Double
    /// The harmonic mean of the number of ratings each candidate got.
    public let ratingsPerCandidate: Double
    /// Putka's q: how much of the interviewers' leniency differs between candidates' panels.
    public let overlap: Double
    /// G(q,k): the reliability of a candidate's score from the panels the position had.
    public let reliability: Double

    /// The smallest study this reports on; below it, a refusal says why.
    public static let minimumCandidates = 10
    public static let minimumInterviewers = 3
    /// Candidates seen by two interviewers or more: without them, interviewers' differences
    /// cannot be told from candidates'.
    public static let minimumSharedCandidates = 5

    /// Fits the components and works out the study; throws a refusal with a reason below the minimum.
    public init(ratings: [PanelRating], competencyOrder: [String] = []) throws(VarianceComponents.Refusal) {
        let data = PanelRatings(ratings, order: competencyOrder)
        guard data.candidateCount >= Self.minimumCandidates else {
            throw .tooLittleData("a reliability study needs at least \(Self.minimumCandidates) rated candidates; this has \(data.candidateCount)")
        }
        guard data.interviewerCount >= Self.minimumInterviewers else {
            throw .tooLittleData("a reliability study needs at least \(Self.minimumInterviewers) interviewers; this has \(data.interviewerCount)")
        }
        let panelSizes = (0..<data.candidateCount).map(data.panelSize(of:))
        let shared = panelSizes.count { $0 >= 2 }
        guard shared >= Self.minimumSharedCandidates else {
            throw .tooLittleData(
                "a reliability study needs at least \(Self.minimumSharedCandidates) candidates rated by two interviewers or more; this has \(shared)")
        }
        let components = try VarianceComponents(fitting: data, sampling: ratings, competencyOrder: competencyOrder)
        self.components = components
        interviewersPerCandidate = Self.harmonicMean(panelSizes.map(Double.init))
        competenciesPerCandidate = Self.harmonicMean((0..<data.candidateCount).map { Double(data.cellCount(of: $0)) })
        ratingsPerCandidate = Self.harmonicMean(data.candidateRatings)
        overlap = Self.overlap(data, harmonicSize: interviewersPerCandidate)
        reliability = Self.reliability(
            components, overlap: overlap, ratings: ratingsPerCandidate, competencies: competenciesPerCandidate)
    }

    /// The projected reliability of a candidate's score with `interviewers` on the panel, panels
    /// overlapping as this position's did and each interviewer giving as many ratings.
    public func projected(interviewers: Int) -> Double {
        let scale = Double(interviewers) / interviewersPerCandidate
        return Self.reliability(components, overlap: overlap / scale, ratings: ratingsPerCandidate * scale, competencies: competenciesPerCandidate)
    }

    /// The D-study: panels of 1 to 8 interviewers and their projected reliability.
    public var projections: [(interviewers: Int, reliability: Double)] {
        (1...8).map { ($0, projected(interviewers: $0)) }
    }

    /// The smallest panel of 1 to 8 projected to reach `target`, or nil when none does.
    public func smallestPanel(reaching target: Double) -> Int? {
        (1...8).first { projected(interviewers: $0) >= target }
    }

    /// True-score variance over true-score plus error variance.
    private static func reliability(_ components: VarianceComponents, overlap q: Double, ratings n: Double, competencies m: Double) -> Double {
        let trueScore = components.candidate + components.candidateCompetency / m
        let error = q * components.interviewer + components.residual / n
        return trueScore + error > 0 ? trueScore / (trueScore + error) : 0
    }

    /// Putka et al.'s q = 1/k − Σ_{i≠i'} c_ii' / (k_i k_i') / (N (N − 1)), where c_ii' is the number of
    /// interviewers candidates i and i' share. The sum over pairs is a sum over interviewers of
    /// (Σ 1/k_i)² − Σ 1/k_i² over the candidates each met, so it costs as much as there are meetings.
    private static func overlap(_ data: PanelRatings, harmonicSize: Double) -> Double {
        var sums = [Double](repeating: 0, count: data.interviewerCount), squares = sums
        for candidate in 0..<data.candidateCount {
            let weight = 1 / Double(data.panelSize(of: candidate))
            for meeting in data.meetingStart[candidate]..<data.meetingStart[candidate + 1] {
                sums[data.meetingInterviewer[meeting]] += weight
                squares[data.meetingInterviewer[meeting]] += weight * weight
            }
        }
        let pairs = zip(sums, squares).reduce(0) { $0 + $1.0 * $1.0 - $1.1 }
        let n = Double(data.candidateCount)
        return max(0, 1 / harmonicSize - pairs / (n * (n - 1)))
    }

    private static func harmonicMean(_ values: [Double]) -> Double {
        let positive = values.filter { $0 > 0 }
        guard !positive.isEmpty else { return 0 }
        return Double(positive.count) / positive.reduce(0) { $0 + 1 / $1 }
    }
}
