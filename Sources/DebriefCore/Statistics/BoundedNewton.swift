/// Minimises a smooth function of a few non-negative variables by Newton steps inside a trust
/// region: at each point the gradient and Hessian come from finite differences (one-sided where a
/// variable is too near its bound of zero for a step below it), the step minimises that quadratic
/// model over the trust region's box intersected with the bound, and the region grows or shrinks
/// with how well the model predicted the decrease.
///
/// Near a smooth minimum it converges in a few steps where a simplex search crawls: each step costs
/// one evaluation per stencil point (2n + n(n−1)/2) plus the trial point, and the steps shrink
/// quadratically. A variable whose minimum lies on its bound is held there by the bound, not
/// approached from above in ever smaller steps.
enum BoundedNewton {
    struct Result {
        var point: [Double]
        var value: Double
        var evaluations: Int
    }

    /// The minimum of `f` over the non-negative orthant near `start`, or nil when `f` is undefined
    /// (nil) where the differences need it or the steps do not settle within `maximumSteps`: the
    /// caller then falls back on a search that does not need derivatives.
    ///
    /// Stops once what is left after an accepted step is estimated below `tolerance`, relative to
    /// each variable's size (or to `floor`, for variables near zero): each step shrinks the error
    /// by about the ratio of its size to the previous step's, so what is left is about the step's
    /// size times that ratio.
    static func minimise(
        _ f: ([Double]) -> Double?, from start: [Double], tolerance: Double = 1e-7, floor: Double = 1e-2, maximumSteps: Int = 60
    ) -> Result? {
        var evaluations = 0
        func value(_ point: [Double]) -> Double? {
            evaluations += 1
            return f(point)
        }
        guard start.allSatisfy({ $0 >= 0 }), let startValue = value(start) else { return nil }
        let n = start.count
        var x = start, fx = startValue
        // The trust region: a box of half-widths radius × max(x_i, floor) around x.
        var radius = 1.0
        // The last accepted step's size; before the first, a step is its own estimate of what is left.
        var previousStep = 0.0
        for _ in 0..<maximumSteps {
            let scale = x.map { max($0, floor) }
            guard let model = model(value, at: x, centre: fx, steps: scale.map { 1e-3 * $0 }) else { return nil }
            let lower = (0..<n).map { max(-x[$0], -radius * scale[$0]) }
            let upper = (0..<n).map { radius * scale[$0] }
            let step = BoxQuadratic.minimise(gradient: model.gradient, hessian: model.hessian, lower: lower, upper: upper)
            let predicted = -BoxQuadratic.value(step, gradient: model.gradient, hessian: model.hessian)
            let largest = (0..<n).map { abs(step[$0]) / scale[$0] }.max() ?? 0
            if !(predicted > 1e-13 * (1 + abs(fx))) || largest == 0 {
                return Result(point: x, value: fx, evaluations: evaluations)
            }
            let trial = (0..<n).map { max(0, x[$0] + step[$0]) }
            let trialValue = value(trial) ?? .infinity
            let ratio = (fx - trialValue) / predicted
            if ratio < 0.25 {
                radius = largest / 4
            } else if ratio > 0.75, largest >= radius * 0.99 {
                radius *= 2
            }
            if trialValue < fx {
                x = trial
                fx = trialValue
                let contraction = previousStep > 0 ? min(1, largest / previousStep) : 1
                if largest * contraction <= tolerance { return Result(point: x, value: fx, evaluations: evaluations) }
                previousStep = largest
            } else if radius < tolerance {
                return Result(point: x, value: fx, evaluations: evaluations)
            }
        }
        return nil
    }

    /// The gradient and Hessian of `f` at `x` (where it is `centre`) by differences with `steps`:
    /// central along a variable whose step fits above zero below it, else one-sided (x, x+h, x+2h);
    /// mixed terms from the forward points. Nil when `f` is undefined at a point.
    private static func model(
        _ f: ([Double]) -> Double?, at x: [Double], centre: Double, steps: [Double]
    ) -> (gradient: [Double], hessian: [[Double]])? {
        let n = x.count
        var gradient = [Double](repeating: 0, count: n)
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var forward = [Double](repeating: 0, count: n)
        func moved(_ moves: [(Int, Double)]) -> [Double] {
            var point = x
            for (index, by) in moves { point[index] += by * steps[index] }
            return point
        }
        for i in 0..<n {
            let h = steps[i]
            guard let up = f(moved([(i, 1)])) else { return nil }
            forward[i] = up
            if x[i] - h >= 0 {
                guard let down = f(moved([(i, -1)])) else { return nil }
                gradient[i] = (up - down) / (2 * h)
                hessian[i][i] = (up - 2 * centre + down) / (h * h)
            } else {
                guard let further = f(moved([(i, 2)])) else { return nil }
                gradient[i] = (-3 * centre + 4 * up - further) / (2 * h)
                hessian[i][i] = (centre - 2 * up + further) / (h * h)
            }
        }
        for i in 0..<n {
            for j in 0..<i {
                guard let both = f(moved([(i, 1), (j, 1)])) else { return nil }
                hessian[i][j] = (both - forward[i] - forward[j] + centre) / (steps[i] * steps[j])
                hessian[j][i] = hessian[i][j]
            }
        }
        return (gradient, hessian)
    }
}

/// The exact minimum of a quadratic `g·s + ½ sᵀHs` over a box, for a few variables: every
/// assignment of each variable to its lower bound, its upper bound or free is tried, the free ones
/// solved for, and the best feasible point kept (a box's minimum is a stationary point of one of
/// its faces, or a vertex).
enum BoxQuadratic {
    static func minimise(gradient g: [Double], hessian h: [[Double]], lower: [Double], upper: [Double]) -> [Double] {
        let n = g.count
        var best = [Double](repeating: 0, count: n), bestValue = 0.0
        var assignment = [Int](repeating: 0, count: n)  // 0 free, 1 lower, 2 upper
        let combinations = (0..<n).reduce(1) { product, _ in product * 3 }
        for code in 0..<combinations {
            var rest = code
            for i in 0..<n {
                assignment[i] = rest % 3
                rest /= 3
            }
            var point = (0..<n).map { assignment[$0] == 1 ? lower[$0] : assignment[$0] == 2 ? upper[$0] : 0 }
            let free = (0..<n).filter { assignment[$0] == 0 }
            if !free.isEmpty {
                // H_FF s_F = −(g_F + H_FB s_B), solved by Cholesky; an indefinite face has no minimum inside.
                let matrix = free.map { i in free.map { j in h[i][j] } }
                let right = free.map { i in -(g[i] + (0..<n).filter { assignment[$0] != 0 }.reduce(0) { $0 + h[i][$1] * point[$1] }) }
                guard let solved = solvePositiveDefinite(matrix, right) else { continue }
                guard zip(free, solved).allSatisfy({ lower[$0] <= $1 && $1 <= upper[$0] }) else { continue }
                for (i, v) in zip(free, solved) { point[i] = v }
            }
            let candidate = value(point, gradient: g, hessian: h)
            if candidate < bestValue {
                best = point
                bestValue = candidate
            }
        }
        return best
    }

    /// `g·s + ½ sᵀHs`.
    static func value(_ s: [Double], gradient g: [Double], hessian h: [[Double]]) -> Double {
        var total = 0.0
        for i in s.indices {
            total += g[i] * s[i]
            for j in s.indices { total += 0.5 * s[i] * h[i][j] * s[j] }
        }
        return total
    }

    private static func solvePositiveDefinite(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i][k] * y[k] }
            y[i] /= l[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k][i] * y[k] }
            y[i] /= l[i][i]
        }
        return y
    }
}
