/// Central differences of a smooth function of a few variables.
enum NumericalDerivatives {
    /// The gradient and Hessian of `f` at `point` (where it is `centre`) with a step per variable;
    /// nil when `f` is undefined at one of the points (nil from `f`).
    ///
    /// A mixed term takes two evaluations, at x + hᵢ + hⱼ and x − hᵢ − hⱼ, with the axes' own:
    /// f(x+a) + f(x−a) − Σ over i and j of (f(x+h) + f(x−h)) + 2f(x) = 2hᵢhⱼ∂ᵢⱼf + O(h⁴), as accurate
    /// as the four-point formula for half the evaluations (1 + 2n + n(n−1) in all).
    static func gradientAndHessian(_ f: ([Double]) -> Double?, at point: [Double], centre: Double, steps: [Double]) -> (
        gradient: [Double], hessian: [[Double]]
    )? {
        let n = point.count
        var gradient = [Double](repeating: 0, count: n)
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var axisSums = [Double](repeating: 0, count: n)
        func at(_ moves: [(Int, Double)]) -> Double? {
            var moved = point
            for (index, by) in moves { moved[index] += by * steps[index] }
            return f(moved)
        }
        for a in 0..<n {
            guard let up = at([(a, 1)]), let down = at([(a, -1)]) else { return nil }
            gradient[a] = (up - down) / (2 * steps[a])
            hessian[a][a] = (up - 2 * centre + down) / (steps[a] * steps[a])
            axisSums[a] = up + down
            for b in 0..<a {
                guard let both = at([(a, 1), (b, 1)]), let neither = at([(a, -1), (b, -1)]) else { return nil }
                hessian[a][b] = (both + neither - axisSums[a] - axisSums[b] + 2 * centre) / (2 * steps[a] * steps[b])
                hessian[b][a] = hessian[a][b]
            }
        }
        return (gradient, hessian)
    }

    /// The inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination, or
    /// nil when a pivot is not positive (not a minimum's curvature).
    static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
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
