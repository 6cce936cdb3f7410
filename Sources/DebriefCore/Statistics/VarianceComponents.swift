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
    /// How many times the fit evaluated the criterion.
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
            case .cannotFit: "the ratings cannot separate candidates, interviewers and competencies (every candidate met the same one interviewer, or a competency was rated only with another)"
            }
        }
    }

    /// Fits the model to `ratings` by REML. `competencyOrder` (the rubric's order) decides which
    /// competency is the fixed effects' baseline: the first of it that was rated.
    public init(fitting ratings: [PanelRating], competencyOrder: [String] = []) throws(Refusal) {
        try self.init(fitting: PanelRatings(ratings, order: competencyOrder))
    }

    /// Fits the model to ratings already reduced to their counts and sums.
    init(fitting data: PanelRatings) throws(Refusal) {
        guard data.candidateCount >= 2 else { throw .tooLittleData("ratings of at least 2 candidates are needed; there are \(data.candidateCount)") }
        guard data.interviewerCount >= 2 else {
            throw .tooLittleData("ratings by at least 2 interviewers are needed; there are \(data.interviewerCount)")
        }
        guard data.ratingCount > data.fixedCount + 3 else {
            throw .tooLittleData("\(data.ratingCount) ratings are too few to estimate four variances and \(data.fixedCount) competency means")
        }
        let likelihood = RestrictedLikelihood(data: data)
        let criterion = { (theta: [Double]) in likelihood.evaluate((theta[0], theta[1], theta[2]))?.criterion }
        let best = NelderMead.minimise(criterion, from: [1, 1, 1])
        guard best.value.isFinite, let fit = likelihood.evaluate((best.point[0], best.point[1], best.point[2])) else { throw .cannotFit }
        let theta = best.point.map { $0 * $0 }
        candidate = theta[0] * fit.residualVariance
        interviewer = theta[1] * fit.residualVariance
        candidateCompetency = theta[2] * fit.residualVariance
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
}
