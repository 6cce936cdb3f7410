import Foundation
import Testing

@testable import DebriefCore

/// The REML fit's search: Newton steps on differenced quadratic models inside a trust region,
/// with the bound of zero held exactly, and a large position's start from a sample.
@Suite("Bounded Newton search and the REML fit's start")
struct BoundedNewtonTests {
    @Test("a box quadratic's minimum: inside, on a face, and at a vertex when the curvature is negative")
    func boxQuadratic() {
        let h = [[2.0, 0.5], [0.5, 1.0]]
        // Unconstrained minimum of g·s + ½sᵀHs with g = (-2, -1): H s = (2, 1) → s = (6/7, 4/7).
        let inside = BoxQuadratic.minimise(gradient: [-2, -1], hessian: h, lower: [-5, -5], upper: [5, 5])
        #expect(abs(inside[0] - 6.0 / 7) < 1e-12 && abs(inside[1] - 4.0 / 7) < 1e-12)
        // With s₀ ≤ 0.2 the minimum lies on that face: s₁ = (1 − 0.5·0.2) / 1.
        let face = BoxQuadratic.minimise(gradient: [-2, -1], hessian: h, lower: [-5, -5], upper: [0.2, 5])
        #expect(abs(face[0] - 0.2) < 1e-12 && abs(face[1] - 0.9) < 1e-12)
        // A saddle: the best point is on the box's boundary.
        let saddle = BoxQuadratic.minimise(gradient: [0, 0], hessian: [[-1, 0], [0, 1]], lower: [-1, -1], upper: [2, 1])
        #expect(saddle == [2, 0])
    }

    @Test("a smooth function with its minimum inside: found to the tolerance in a few steps")
    func interiorMinimum() throws {
        // A Rosenbrock-like valley, shifted into the positive orthant: minimum at (1, 1, 0.5).
        let f = { (x: [Double]) -> Double? in
            let a = x[1] - x[0] * x[0], b = 1 - x[0], c = x[2] - 0.5
            return 10 * a * a + b * b + 3 * c * c + 0.2 * c * c * c * c
        }
        let result = try #require(BoundedNewton.minimise(f, from: [0.3, 2, 2]))
        // Differences of 1e-3 of each variable leave a bias of about h²f‴/6f″ in where the gradient
        // is zero: about 1e-5 in this curved valley, far less on the REML criterion's gentle one.
        #expect(abs(result.point[0] - 1) < 1e-4 && abs(result.point[1] - 1) < 1e-4 && abs(result.point[2] - 0.5) < 1e-6, "\(result.point)")
        #expect(result.evaluations < 300, "\(result.evaluations) evaluations")
    }

    @Test("a minimum beyond the bound is held exactly at zero, the other variables found as usual")
    func boundaryMinimum() throws {
        // The unconstrained minimum has x₁ = −0.3; over x ≥ 0 it is (2, 0) with x₀ free.
        let f = { (x: [Double]) -> Double? in
            let a = x[0] - 2, b = x[1] + 0.3
            return a * a + 4 * b * b + 0.5 * a * b
        }
        let result = try #require(BoundedNewton.minimise(f, from: [1, 1]))
        #expect(result.point[1] == 0)
        // With x₁ at 0, ∂f/∂x₀ = 2(x₀ − 2) + 0.15 = 0.
        #expect(abs(result.point[0] - (2 - 0.075)) < 1e-6, "\(result.point)")
    }

    @Test("undefined next to the start: nil, so the caller falls back on a search without derivatives")
    func undefinedNearStart() {
        let f = { (x: [Double]) -> Double? in x[0] > 1 ? nil : x[0] * x[0] }
        #expect(BoundedNewton.minimise(f, from: [1]) == nil)
        #expect(BoundedNewton.minimise({ _ in nil }, from: [1, 1]) == nil)
    }

    @Test("the REML fit by Newton reaches a criterion no worse than the simplex search's, with the same components")
    func newtonMatchesSimplex() throws {
        let ratings = PanelReliabilitySimulationTests.simulate(candidates: 400, panels: 1, seed: 31)[0]
        let likelihood = RestrictedLikelihood(data: PanelRatings(ratings, order: PanelReliabilitySimulationTests.competencies))
        let newton = try #require(BoundedNewton.minimise(likelihood.criterion(ratios:), from: [1, 1, 1]))
        let simplex = NelderMead.minimise({ theta in likelihood.criterion(ratios: theta.map { $0 * $0 }) }, from: [1, 1, 1])
        #expect(newton.value <= simplex.value + 1e-9 * abs(simplex.value), "Newton \(newton.value) vs simplex \(simplex.value)")
        for (ratio, theta) in zip(newton.point, simplex.point) {
            #expect(abs(ratio - theta * theta) <= 1e-4 * max(theta * theta, 1e-3), "\(newton.point) vs \(simplex.point.map { $0 * $0 })")
        }
        #expect(newton.evaluations * 2 < simplex.evaluations, "Newton \(newton.evaluations), simplex \(simplex.evaluations) evaluations")
    }

    @Test("a large position starts from a sample's estimates and ends where lme4's start ends")
    func sampledStartEndsAtTheSameFit() throws {
        let size = 150
        let ratings = PanelReliabilitySimulationTests.simulate(candidates: 2 * size + 20, panels: 1, seed: 5)[0]
        let order = PanelReliabilitySimulationTests.competencies
        let data = PanelRatings(ratings, order: order)
        let start = try #require(VarianceComponents.sampledStart(ratings, candidates: data.candidateCount, competencyOrder: order, sampleSize: size))
        #expect(start != [1, 1, 1])
        let sampled = try VarianceComponents(fitting: data, sampling: ratings, competencyOrder: order, sampleSize: size)
        let plain = try VarianceComponents(fitting: data)
        #expect(abs(sampled.remlCriterion - plain.remlCriterion) <= 1e-10 * abs(plain.remlCriterion))
        for (a, b) in [
            (sampled.candidate, plain.candidate), (sampled.interviewer, plain.interviewer),
            (sampled.candidateCompetency, plain.candidateCompetency), (sampled.residual, plain.residual),
        ] {
            #expect(abs(a - b) <= 1e-5 * b, "\(a) vs \(b)")
        }
        #expect(sampled.evaluations < plain.evaluations, "sampled start \(sampled.evaluations), lme4's start \(plain.evaluations) evaluations")
        // Below twice the sample's size there is no sample.
        #expect(VarianceComponents.sampledStart(ratings, candidates: 2 * size - 1, competencyOrder: order, sampleSize: size) == nil)
        #expect(VarianceComponents.sampledCandidates == 2_000)
    }

    @Test("no candidate-by-competency variance in the data: that component is exactly zero, not a crawl towards it")
    func componentOnItsBound() throws {
        // Panels of 3 from a pool of 30. On each candidate the second interviewer sees the
        // competencies' profile turned round (the others as it is), so two interviewers' ratings of
        // one competency agree less than their ratings of different ones: the unbounded estimate of
        // that variance is below zero, lme4's is 0.
        var random = PanelReliabilityTests.Generator(state: 99)
        let competencies = PanelReliabilitySimulationTests.competencies
        let leniency = (0..<30).map { _ in 0.3 * random.normal() }
        var ratings: [PanelRating] = []
        for candidate in 0..<600 {
            let level = 0.5 * random.normal()
            let profile = competencies.map { _ in 0.5 * random.normal() }
            var panel: Set<Int> = []
            while panel.count < 3 { panel.insert(Int(random.uniform() * 30)) }
            for (seat, interviewer) in panel.sorted().enumerated() {
                for (competency, shift) in zip(competencies, profile) {
                    let value = 2.5 + level + leniency[interviewer] + (seat == 1 ? -shift : shift) + 0.6 * random.normal()
                    ratings.append(PanelRating(candidate: Int64(candidate), interviewer: Int64(interviewer), competency: competency, value: value))
                }
            }
        }
        let fit = try VarianceComponents(fitting: ratings, competencyOrder: competencies)
        #expect(fit.candidateCompetency == 0)
        #expect(fit.errors?.candidateCompetency == nil)
        let likelihood = RestrictedLikelihood(data: PanelRatings(ratings, order: competencies))
        let simplex = NelderMead.minimise({ theta in likelihood.criterion(ratios: theta.map { $0 * $0 }) }, from: [1, 1, 1])
        #expect(fit.remlCriterion <= simplex.value + 1e-9 * abs(simplex.value))
    }
}
