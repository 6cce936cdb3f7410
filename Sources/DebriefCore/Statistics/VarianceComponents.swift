import Foundation

/// How a position's ratings vary: the REML estimates of the variance components of
/// `rating ~ competency + (1|candidate) + (1|interviewer) + (1|candidate:competency)`, the model
/// R's lme4 fits the same way. Competency is a fixed effect, so a competency that everyone is
/// rated higher on does not count as a difference between candidates.
///
/// Fitted on any panel design, crossed, nested or ill-structured: only the counts and sums per
/// candidate, interviewer and cell are kept (`PanelRatings`), and each step of the fit costs as much
/// as there are cells and meetings, not ratings.
public struct VarianceComponents: Hashable, Sendable {
    /// Variance between candidates: what a panel's score is meant to measure.
    public let candidate: Double
    /// Variance between interviewers: some rate everyone higher than others.
    public let interviewer: Double
    /// Variance of a candidate's competencies around the candidate's level.
    public let candidateCompetency: Double
    /// What is left: one interviewer's view of one competency of one candidate on the day.
    public let residual: Double
    /// Competencies in the order of `fixedEffects`' entries after the intercept; the first is the baseline.
    public let competencies: [String]
    /// The intercept (the baseline competency's mean), then each other competency's difference from it.
    public let fixedEffects: [Double]
    /// -2 × the restricted log-likelihood at the estimates (lme4's "REML criterion at convergence").
    public let remlCriterion: Double
    /// The components' standard errors, or nil when the data cannot give them honestly.
    public let errors: ComponentErrors?
    /// How many times the search evaluated the criterion over the whole position (not counting a
    /// sample's evaluations, which start a large position's search, nor the standard errors').
    public let evaluations: Int
    public let ratings: Int
    public let candidates: Int
    public let interviewers: Int

    /// Why a fit was refused.
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// Fewer ratings, candidates or interviewers than a variance can be estimated from.
        case tooLittleData(String)
        /// The likelihood could not be evaluated anywhere near the start (a confounded design).
        case cannotFit

        public var description: String {
            switch self {
            case .tooLittleData(let reason): reason
            case .cannotFit:
                "the ratings cannot separate candidates, interviewers and competencies (every candidate met the same one interviewer, or a competency was rated only with another)"
            }
        }
    }

    /// Fits the model to `ratings` by REML. `competencyOrder` (the rubric's order) decides which
    /// competency is the fixed effects' baseline: the first of it that was rated.
    public init(fitting ratings: [PanelRating], competencyOrder: [String] = []) throws(Refusal) {
        try self.init(fitting: PanelRatings(ratings, order: competencyOrder), sampling: ratings, competencyOrder: competencyOrder)
    }

    /// Fits the model to ratings already reduced to their counts and sums. With `ratings` (the
    /// same ratings, not reduced) a position of at least twice `sampleSize` candidates starts its
    /// search from a sample's estimates.
    init(
        fitting data: PanelRatings, sampling ratings: [PanelRating]? = nil, competencyOrder: [String] = [], sampleSize: Int = sampledCandidates
    ) throws(Refusal) {
        guard data.candidateCount >= 2 else { throw .tooLittleData("ratings of at least 2 candidates are needed; there are \(data.candidateCount)") }
        guard data.interviewerCount >= 2 else {
            throw .tooLittleData("ratings by at least 2 interviewers are needed; there are \(data.interviewerCount)")
        }
        guard data.ratingCount > data.fixedCount + 3 else {
            throw .tooLittleData("\(data.ratingCount) ratings are too few to estimate four variances and \(data.fixedCount) competency means")
        }
        let likelihood = RestrictedLikelihood(data: data)
        let start =
            ratings.flatMap { Self.sampledStart($0, candidates: data.candidateCount, competencyOrder: competencyOrder, sampleSize: sampleSize) }
            ?? [1, 1, 1]
        let best = Self.minimise(likelihood, from: start)
        let ratios = best.point
        guard best.value.isFinite, let fit = likelihood.evaluate(ratios: ratios) else {
            throw .cannotFit
        }
        candidate = ratios[0] * fit.residualVariance
        interviewer = ratios[1] * fit.residualVariance
        candidateCompetency = ratios[2] * fit.residualVariance
        residual = fit.residualVariance
        competencies = data.competencies
        fixedEffects = [fit.fixed[0] + data.mean] + fit.fixed.dropFirst()
        remlCriterion = fit.criterion
        evaluations = best.evaluations
        errors = ComponentErrors(estimates: [candidate, interviewer, candidateCompetency, residual], likelihood: likelihood)
        self.ratings = data.ratingCount
        candidates = data.candidateCount
        interviewers = data.interviewerCount
    }

    /// The relative variances (each component's over the residual's) at the minimum of the REML
    /// criterion. Searched over these ratios, theta squared, where the criterion is smooth up to
    /// and at the bound of zero; a simplex search over theta is the fallback where Newton's
    /// differences cannot be taken (the criterion undefined next to the start).
    private static func minimise(_ likelihood: RestrictedLikelihood, from start: [Double]) -> BoundedNewton.Result {
        if let best = BoundedNewton.minimise(likelihood.criterion(ratios:), from: start) { return best }
        let simplex = NelderMead.minimise({ theta in likelihood.criterion(ratios: theta.map { $0 * $0 }) }, from: [1, 1, 1])
        return BoundedNewton.Result(point: simplex.point.map { $0 * $0 }, value: simplex.value, evaluations: simplex.evaluations)
    }

    /// About how many candidates the sample of a large position holds.
    static let sampledCandidates = 2_000

    /// Where a large position's search starts: the estimates from every k-th candidate (by id),
    /// about `sampleSize` of them. Each step over the sample costs a fraction of one over
    /// the whole position, and its estimates are within a few per cent of the whole's, a few Newton
    /// steps from the answer where lme4's start (every ratio 1) is many. Nil below twice the
    /// sample's size, or when the sample cannot be fitted.
    static func sampledStart(
        _ ratings: [PanelRating], candidates: Int, competencyOrder: [String], sampleSize: Int = sampledCandidates
    ) -> [Double]? {
        let every = Int64(candidates / sampleSize)
        guard every >= 2 else { return nil }
        let sample = PanelRatings(ratings.filter { $0.candidate.isMultiple(of: every) }, order: competencyOrder)
        guard sample.candidateCount >= 2, sample.interviewerCount >= 2, sample.ratingCount > sample.fixedCount + 3 else { return nil }
        return BoundedNewton.minimise(RestrictedLikelihood(data: sample).criterion(ratios:), from: [1, 1, 1])?.point
    }
}
