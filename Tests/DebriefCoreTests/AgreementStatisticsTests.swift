import DebriefCore
import Testing

/// The published worked examples in shared/reference/agreement-examples.md.
@Suite("Agreement statistics reproduce the published examples")
struct AgreementStatisticsTests {
    /// Krippendorff (2011): 4 observers × 12 units, nil for missing.
    static let krippendorff: [[Double?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    static var units: [[Double]] {
        (0..<12).map { unit in krippendorff.compactMap { $0[unit] } }
    }

    @Test(
        "Krippendorff's alpha, 2011 worked example",
        arguments: [
            (KrippendorffAlpha.Metric.nominal, 0.743), (.ordinal, 0.815), (.interval, 0.849), (.ratio, 0.797),
        ])
    func krippendorffExample(metric: KrippendorffAlpha.Metric, published: Double) throws {
        let alpha = try #require(KrippendorffAlpha.alpha(units: Self.units, metric: metric))
        #expect(abs(alpha - published) < 0.0005, "alpha \(alpha) vs published \(published)")
    }

    @Test("a unit with a single value drops out")
    func singleValuesDropOut() {
        var units = Self.units
        units[11] = [5]
        #expect(KrippendorffAlpha.alpha(units: units, metric: .interval) == KrippendorffAlpha.alpha(units: Self.units, metric: .interval))
    }

    @Test("alpha is 1 for perfect agreement and undefined without variation")
    func edges() {
        #expect(KrippendorffAlpha.alpha(units: [[1, 1], [3, 3], [2, 2]], metric: .interval) == 1)
        #expect(KrippendorffAlpha.alpha(units: [[2, 2], [2, 2]], metric: .interval) == nil)
        #expect(KrippendorffAlpha.alpha(units: [[2], [3]], metric: .interval) == nil)
    }

    /// Shrout and Fleiss (1979), Table 2: 6 targets × 4 judges.
    static let shroutFleiss: [[Double]] = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]

    @Test("intraclass correlations, Shrout and Fleiss 1979")
    func shroutFleissExample() throws {
        let icc = try #require(IntraclassCorrelation(ratings: Self.shroutFleiss))
        for (value, published) in [
            (icc.icc1_1, 0.17), (icc.icc2_1, 0.29), (icc.icc3_1, 0.71), (icc.icc1_k, 0.44), (icc.icc2_k, 0.62), (icc.icc3_k, 0.91),
        ] {
            #expect(abs(value - published) < 0.005, "\(value) vs published \(published)")
        }
        #expect(icc.targets == 6 && icc.judges == 4)
    }

    @Test("ICC needs a complete block of two or more targets and judges")
    func iccShape() {
        #expect(IntraclassCorrelation(ratings: [[1, 2]]) == nil)
        #expect(IntraclassCorrelation(ratings: [[1], [2]]) == nil)
        #expect(IntraclassCorrelation(ratings: [[1, 2], [3]]) == nil)
        #expect(IntraclassCorrelation(ratings: [[2, 2], [2, 2]]) == nil)
    }
}
