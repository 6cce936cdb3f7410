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
        let k = free.count
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        func shifted(_ moves: [(Int, Double)]) -> Double? {
            var values = estimates
            for (index, by) in moves { values[free[index]] += by * steps[index] }
            return deviance(values)
        }
        for a in 0..<k {
            guard let up = shifted([(a, 1)]), let down = shifted([(a, -1)]) else { return nil }
            hessian[a][a] = (up - 2 * centre + down) / (steps[a] * steps[a])
            for b in 0..<a {
                guard let pp = shifted([(a, 1), (b, 1)]), let pm = shifted([(a, 1), (b, -1)]), let mp = shifted([(a, -1), (b, 1)]),
                    let mm = shifted([(a, -1), (b, -1)])
                else { return nil }
                hessian[a][b] = (pp - pm - mp + mm) / (4 * steps[a] * steps[b])
                hessian[b][a] = hessian[a][b]
            }
        }
        // The deviance is -2 log L, so the covariance is 2 H⁻¹.
        guard let inverse = Self.inverse(hessian) else { return nil }
        var errors = [Double?](repeating: nil, count: 4)
        for (position, index) in free.enumerated() {
            let variance = 2 * inverse[position][position]
            guard variance > 0 else { return nil }
            errors[index] = variance.squareRoot()
        }
        (candidate, interviewer, candidateCompetency, self.residual) = (errors[0], errors[1], errors[2], errors[3])
    }

    /// The inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination, or nil.
    private static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var a = matrix, inverse = (0..<n).map { row in (0..<n).map { $0 == row ? 1.0 : 0.0 } }
        for column in 0..<n {
            let pivot = a[column][column]
            guard pivot > 0 else { return nil }
            for c in 0..<n {
                a[column][c] /= pivot
                inverse[column][c] /= pivot
            }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                for c in 0..<n {
                    a[row][c] -= factor * a[column][c]
                    inverse[row][c] -= factor * inverse[column][c]
                }
            }
        }
        return inverse
    }
}
