import Foundation

/// Standard errors of the variance components from the curvature of the REML deviance at the
/// estimates (the observed information, inverted): the large-sample errors lme4's profiles
/// approach. A component estimated at zero sits on the boundary, where no such error is honest; its
/// error is nil and the others are worked out with it held at zero.
public struct ComponentErrors: Hashable, Sendable {
    public let candidate: Double?
    public let interviewer: Double?
    public let candidateCompetency: Double?
    public let residual: Double?

    /// Errors at `estimates` (candidate, interviewer, cell, residual), or nil when the curvature is
    /// not that of a minimum (too little data to say).
    init?(estimates: [Double], likelihood: RestrictedLikelihood) {
        let residual = estimates[3]
        guard residual > 0 else { return nil }
        // Components this small against the residual are on the boundary.
        let free = (0..<4).filter { $0 == 3 || estimates[$0] > 1e-6 * residual }
        let freedom = Double(likelihood.data.ratingCount - likelihood.data.fixedCount)
        // -2 log restricted likelihood at any variances, not profiled over the residual's.
        func deviance(_ values: [Double]) -> Double? {
            let e = values[3]
            guard e > 0, values[0..<3].allSatisfy({ $0 >= 0 }) else { return nil }
            guard let fit = likelihood.evaluate(((values[0] / e).squareRoot(), (values[1] / e).squareRoot(), (values[2] / e).squareRoot())) else {
                return nil
            }
            let determinants = fit.criterion - freedom * (1 + log(2 * Double.pi * fit.residualVariance))
            return determinants + fit.residualVariance * freedom / e + freedom * log(2 * Double.pi * e)
        }
        let steps = free.map { 1e-3 * max(estimates[$0], 1e-2 * residual) }
        guard let centre = deviance(estimates) else { return nil }
        let inFree = { (moved: [Double]) -> Double? in
            var values = estimates
            for (position, index) in free.enumerated() { values[index] = moved[position] }
            return deviance(values)
        }
        guard let (_, hessian) = NumericalDerivatives.gradientAndHessian(inFree, at: free.map { estimates[$0] }, centre: centre, steps: steps)
        else { return nil }
        // The deviance is -2 log L, so the covariance is 2 H⁻¹.
        guard let inverse = NumericalDerivatives.inverse(hessian) else { return nil }
        var errors = [Double?](repeating: nil, count: 4)
        for (position, index) in free.enumerated() {
            let variance = 2 * inverse[position][position]
            guard variance > 0 else { return nil }
            errors[index] = variance.squareRoot()
        }
        (candidate, interviewer, candidateCompetency, self.residual) = (errors[0], errors[1], errors[2], errors[3])
    }
}
