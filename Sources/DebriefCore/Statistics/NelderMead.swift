/// Minimises a smooth function of a few variables without derivatives (Nelder & Mead 1965, with
/// the adaptive coefficients of Gao & Han 2012), restarting from the best point until a restart
/// no longer improves it: a simplex can stall short of the minimum, a fresh one around the best
/// point does not stall there again.
enum NelderMead {
    struct Result {
        var point: [Double]
        var value: Double
        var evaluations: Int
    }

    /// The minimum of `f` near `start`; `f` returning nil counts as +infinity (outside its domain).
    static func minimise(
        _ f: ([Double]) -> Double?, from start: [Double], step: Double = 0.25, tolerance: Double = 1e-11, maximumEvaluations: Int = 20_000
    ) -> Result {
        var best = Result(point: start, value: f(start) ?? .infinity, evaluations: 1)
        var currentStep = step
        while best.evaluations < maximumEvaluations {
            let previous = best.value
            best = run(f, from: best, step: currentStep, tolerance: tolerance, budget: maximumEvaluations)
            if !(previous - best.value > tolerance * (1 + abs(best.value))) { break }
            currentStep = max(step / 100, currentStep / 2)
        }
        return best
    }

    private static func run(_ f: ([Double]) -> Double?, from start: Result, step: Double, tolerance: Double, budget: Int) -> Result {
        let n = start.point.count
        let dimension = Double(n)
        let reflection = 1.0, expansion = 1 + 2 / dimension, contraction = 0.75 - 1 / (2 * dimension), shrinking = 1 - 1 / dimension
        var evaluations = start.evaluations
        func value(_ point: [Double]) -> Double {
            evaluations += 1
            return f(point) ?? .infinity
        }
        var simplex: [(point: [Double], value: Double)] = [(start.point, start.value)]
        for axis in 0..<n {
            var point = start.point
            point[axis] += point[axis] == 0 ? step : step * max(abs(point[axis]), 0.1)
            simplex.append((point, value(point)))
        }
        while evaluations < budget {
            simplex.sort { $0.value < $1.value }
            let spread = simplex[n].value - simplex[0].value
            let size = (1...n).map { vertex in zip(simplex[vertex].point, simplex[0].point).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            // Both the values and the points must have settled; 1e-5 on the relative standard
            // deviations is far inside the 1e-4 the fits must agree with lme4 to.
            if spread <= tolerance * (1 + abs(simplex[0].value)) && size <= 1e-5 { break }
            let centroid = (0..<n).map { axis in simplex[0..<n].reduce(0) { $0 + $1.point[axis] } / dimension }
            func along(_ coefficient: Double) -> [Double] {
                (0..<n).map { centroid[$0] + coefficient * (centroid[$0] - simplex[n].point[$0]) }
            }
            let reflected = along(reflection), reflectedValue = value(reflected)
            if reflectedValue < simplex[0].value {
                let expanded = along(expansion), expandedValue = value(expanded)
                simplex[n] = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < simplex[n - 1].value {
                simplex[n] = (reflected, reflectedValue)
            } else {
                let outside = reflectedValue < simplex[n].value
                let contracted = along(outside ? contraction : -contraction), contractedValue = value(contracted)
                if contractedValue < min(reflectedValue, simplex[n].value) {
                    simplex[n] = (contracted, contractedValue)
                } else {
                    for vertex in 1...n {
                        let point = (0..<n).map { simplex[0].point[$0] + shrinking * (simplex[vertex].point[$0] - simplex[0].point[$0]) }
                        simplex[vertex] = (point, value(point))
                    }
                }
            }
        }
        simplex.sort { $0.value < $1.value }
        return Result(point: simplex[0].point, value: simplex[0].value, evaluations: evaluations)
    }
}
