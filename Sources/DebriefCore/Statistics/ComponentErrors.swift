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
    ///
    /// The deviance -2 log L at relative variances v (each component over the residual's) and the
    /// residual variance e is D(v, e) = log-determinants(v) + r²(v) / e + (n − p) log(2π e), where
    /// only the log-determinants and the penalised residual sum of squares r² need the criterion
    /// to be evaluated, and only at v. So their derivatives in v come from differences of one set of
    /// evaluations, those in e are exact, and the covariance of the components (v e, e) follows
    /// from D's Hessian in (v, e) by the delta method, exact at a minimum.
    init?(estimates: [Double], likelihood: RestrictedLikelihood) {
        let e = estimates[3]
        guard e > 0 else { return nil }
        // Components this small against the residual are on the boundary.
        let free = (0..<3).filter { estimates[$0] > 1e-6 * e }
        let ratios = estimates[0..<3].map { $0 / e }
        let freedom = Double(likelihood.data.ratingCount - likelihood.data.fixedCount)
        var evaluations: [[Double]: RestrictedLikelihood.Evaluation] = [:]
        func evaluation(_ moved: [Double]) -> RestrictedLikelihood.Evaluation? {
            var point = ratios
            for (position, index) in free.enumerated() { point[index] = moved[position] }
            guard point.allSatisfy({ $0 >= 0 }) else { return nil }
            if let known = evaluations[point] { return known }
            let fit = likelihood.evaluate(ratios: point)
            evaluations[point] = fit
            return fit
        }
        func residualSquares(_ moved: [Double]) -> Double? { evaluation(moved).map { $0.residualVariance * freedom } }
        func determinants(_ moved: [Double]) -> Double? {
            evaluation(moved).map { $0.criterion - freedom * (1 + log(2 * Double.pi * $0.residualVariance)) }
        }
        let at = free.map { ratios[$0] }
        let steps = free.map { 1e-3 * max(ratios[$0], 1e-2) }
        guard let logDet = determinants(at), let squares = residualSquares(at) else { return nil }
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: free.count + 1), count: free.count + 1)
        if !free.isEmpty {
            guard let (_, determinantCurvature) = NumericalDerivatives.gradientAndHessian(determinants, at: at, centre: logDet, steps: steps),
                let (squaresSlope, squaresCurvature) = NumericalDerivatives.gradientAndHessian(residualSquares, at: at, centre: squares, steps: steps)
            else { return nil }
            for i in free.indices {
                for j in free.indices { hessian[i][j] = determinantCurvature[i][j] + squaresCurvature[i][j] / e }
                hessian[i][free.count] = -squaresSlope[i] / (e * e)
                hessian[free.count][i] = hessian[i][free.count]
            }
        }
        hessian[free.count][free.count] = 2 * squares / (e * e * e) - freedom / (e * e)
        // The deviance is -2 log L, so the covariance of (v, e) is 2 H⁻¹; the components are v e and e.
        guard let inverse = NumericalDerivatives.inverse(hessian) else { return nil }
        let last = free.count
        var errors = [Double?](repeating: nil, count: 4)
        for (position, index) in free.enumerated() {
            let v = ratios[index]
            let variance = 2 * (e * e * inverse[position][position] + 2 * e * v * inverse[position][last] + v * v * inverse[last][last])
            guard variance > 0 else { return nil }
            errors[index] = variance.squareRoot()
        }
        let residualVariance = 2 * inverse[last][last]
        guard residualVariance > 0 else { return nil }
        errors[3] = residualVariance.squareRoot()
        (candidate, interviewer, candidateCompetency, residual) = (errors[0], errors[1], errors[2], errors[3])
    }
}
