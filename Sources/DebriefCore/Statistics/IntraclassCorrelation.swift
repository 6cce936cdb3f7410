/// Intraclass correlations for a complete block of targets × judges, as defined by
/// Shrout and Fleiss, "Intraclass correlations: uses in assessing rater reliability" (1979).
public struct IntraclassCorrelation: Hashable, Sendable {
    /// One-way random: each target rated by different judges.
    public let icc1_1: Double
    /// Two-way random, absolute agreement: judges are a sample of all judges.
    public let icc2_1: Double
    /// Two-way mixed, consistency: these judges only.
    public let icc3_1: Double
    /// The same three for the mean of the k judges' ratings.
    public let icc1_k: Double
    public let icc2_k: Double
    public let icc3_k: Double
    public let targets: Int
    public let judges: Int

    /// Computes every form from `ratings[target][judge]`; nil unless there are at least two targets,
    /// two judges, every row has every judge, and the targets differ at all.
    public init?(ratings: [[Double]]) {
        let n = ratings.count
        guard n >= 2, let k = ratings.first?.count, k >= 2, ratings.allSatisfy({ $0.count == k }) else { return nil }
        let nd = Double(n), kd = Double(k)
        let grand = ratings.joined().reduce(0, +) / (nd * kd)
        let rowMeans = ratings.map { $0.reduce(0, +) / kd }
        let columnMeans = (0..<k).map { j in ratings.reduce(0) { $0 + $1[j] } / nd }
        let total = ratings.joined().reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let between = kd * rowMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let judgesSS = nd * columnMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let residual = total - between - judgesSS
        let bms = between / (nd - 1)
        let wms = (total - between) / (nd * (kd - 1))
        let jms = judgesSS / (kd - 1)
        let ems = residual / ((nd - 1) * (kd - 1))
        guard bms > 0 else { return nil }
        icc1_1 = (bms - wms) / (bms + (kd - 1) * wms)
        icc2_1 = (bms - ems) / (bms + (kd - 1) * ems + kd * (jms - ems) / nd)
        icc3_1 = (bms - ems) / (bms + (kd - 1) * ems)
        icc1_k = (bms - wms) / bms
        icc2_k = (bms - ems) / (bms + (jms - ems) / nd)
        icc3_k = (bms - ems) / bms
        targets = n
        judges = k
    }
}
