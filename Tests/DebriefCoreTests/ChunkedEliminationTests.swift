import Testing

@testable import DebriefCore

/// The REML criterion eliminates a large position's candidates in chunks at once; the chunks must
/// add up to what one pass over every candidate gives, to rounding. The fit only ever asks
/// `evaluate`, so agreeing here is agreeing there.
@Suite("The criterion's candidates eliminated in chunks")
struct ChunkedEliminationTests {
    @Test("one chunk, the default four, seven and one per candidate give the same criterion, residual and fixed effects")
    func chunksAgree() throws {
        let ratings = PanelReliabilitySimulationTests.simulate(candidates: 300, panels: 1, seed: 7)[0]
        let likelihood = RestrictedLikelihood(data: PanelRatings(ratings, order: PanelReliabilitySimulationTests.competencies))
        for theta in [(1.0, 1.0, 1.0), (0.8, 0.4, 0.0), (2.5, 0.05, 0.6)] {
            let whole = try #require(likelihood.evaluate(theta, chunks: 1))
            for chunks in [2, RestrictedLikelihood.chunkCount, 7, 300] {
                let split = try #require(likelihood.evaluate(theta, chunks: chunks))
                #expect(abs(split.criterion - whole.criterion) <= 1e-9 * abs(whole.criterion), "\(chunks) chunks at \(theta)")
                #expect(abs(split.residualVariance - whole.residualVariance) <= 1e-12 * whole.residualVariance)
                #expect(zip(split.fixed, whole.fixed).allSatisfy { abs($0 - $1) <= 1e-9 })
            }
        }
    }
}
