/// Krippendorff's alpha: how far coders agree beyond chance, over units that any subset of the
/// coders rated. Missing cells are allowed; units with fewer than two values drop out.
///
/// Computed through the coincidence matrix, as in Krippendorff, "Computing Krippendorff's
/// Alpha-Reliability" (2011).
public enum KrippendorffAlpha {
    /// How unlike two values are.
    public enum Metric: Sendable {
        case nominal, ordinal, interval, ratio
    }

    /// Alpha for `units`, each the list of values the coders gave it, or nil when it is undefined
    /// (no pairable values, or no variation at all to disagree about).
    public static func alpha(units: [[Double]], metric: Metric) -> Double? {
        alpha(units: units[...], metric: metric)
    }

    /// The same over any units, read twice and not copied: a large position's agreement reads
    /// its units straight from `ReliabilityMatrix`, where copying them (and every value once more
    /// to find the distinct ones) held 25 MB while its report was built.
    public static func alpha<Units: Collection>(units: Units, metric: Metric) -> Double? where Units.Element: Collection<Double> {
        let pairable = units.lazy.filter { $0.count >= 2 }
        var distinct = Set<Double>()
        for unit in pairable { for value in unit { distinct.insert(value) } }
        let values = distinct.sorted()
        guard values.count >= 1 else { return nil }
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        var coincidences = [[Double]](repeating: [Double](repeating: 0, count: values.count), count: values.count)
        var places: [Int] = []
        for unit in pairable {
            let weight = 1 / Double(unit.count - 1)
            // Each value's place looked up once per unit, not once per pair it is in.
            places.removeAll(keepingCapacity: true)
            for value in unit { places.append(index[value]!) }
            for (i, first) in places.enumerated() {
                for (j, second) in places.enumerated() where i != j {
                    coincidences[first][second] += weight
                }
            }
        }
        let totals = coincidences.map { $0.reduce(0, +) }
        let n = totals.reduce(0, +)
        guard n > 1 else { return nil }
        let distance = squaredDistance(metric, values: values, totals: totals)
        var observed = 0.0, expected = 0.0
        for c in values.indices {
            for k in values.indices {
                let delta = distance(c, k)
                observed += coincidences[c][k] * delta
                expected += totals[c] * totals[k] * delta
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }

    private static func squaredDistance(_ metric: Metric, values: [Double], totals: [Double]) -> (Int, Int) -> Double {
        switch metric {
        case .nominal:
            return { c, k in c == k ? 0 : 1 }
        case .interval:
            return { c, k in (values[c] - values[k]) * (values[c] - values[k]) }
        case .ratio:
            return { c, k in
                let sum = values[c] + values[k]
                return sum == 0 ? 0 : pow2((values[c] - values[k]) / sum)
            }
        case .ordinal:
            var cumulative = [0.0]
            for total in totals { cumulative.append(cumulative.last! + total) }
            return { c, k in
                let (low, high) = (min(c, k), max(c, k))
                let between = cumulative[high + 1] - cumulative[low]
                return pow2(between - (totals[c] + totals[k]) / 2)
            }
        }
    }

    private static func pow2(_ x: Double) -> Double { x * x }
}
