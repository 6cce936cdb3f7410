import DebriefCore
import Foundation
import Testing

/// The panel reliability study's variance components against R's lme4 REML fits of the same data
/// (Fixtures/reliability, written by make-fixtures.R).
@Suite("Variance components by REML match lme4")
struct VarianceComponentsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/reliability")

    struct Reference: Decodable {
        struct Variance: Decodable {
            let candidate: Double
            let interviewer: Double
            let candidate_competency: Double
            let residual: Double
        }
        let ratings: Int
        let candidates: Int
        let interviewers: Int
        let variance: Variance
        let fixed: [String: Double]
        let reml_criterion: Double
    }

    /// make-fixtures.R's factor levels: the backend rubric's order.
    static let rubricOrder = ["fundamentals", "apis-http", "databases", "system-design"]

    static func ratings(_ name: String) throws -> [PanelRating] {
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",")
            return PanelRating(candidate: Int64(fields[0])!, interviewer: Int64(fields[1])!, competency: String(fields[2]), value: Double(fields[3])!)
        }
    }

    static func reference(_ name: String) throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).lme4.json")))
    }

    static func close(_ value: Double, _ expected: Double, relative: Double = 1e-4) -> Bool {
        abs(value - expected) <= relative * max(abs(expected), 1e-6)
    }

    @Test(
        "the four components, the fixed effects and the REML criterion", arguments: ["crossed", "nested", "ill_structured", "missing_competencies"])
    func matchesLme4(_ name: String) throws {
        let fit = try VarianceComponents(fitting: Self.ratings(name), competencyOrder: Self.rubricOrder)
        let expected = try Self.reference(name)
        #expect(fit.ratings == expected.ratings)
        #expect(fit.candidates == expected.candidates)
        #expect(fit.interviewers == expected.interviewers)
        #expect(Self.close(fit.candidate, expected.variance.candidate), "candidate \(fit.candidate) vs \(expected.variance.candidate)")
        #expect(Self.close(fit.interviewer, expected.variance.interviewer), "interviewer \(fit.interviewer) vs \(expected.variance.interviewer)")
        #expect(
            Self.close(fit.candidateCompetency, expected.variance.candidate_competency),
            "candidate:competency \(fit.candidateCompetency) vs \(expected.variance.candidate_competency)")
        #expect(Self.close(fit.residual, expected.variance.residual), "residual \(fit.residual) vs \(expected.variance.residual)")
        #expect(
            Self.close(fit.remlCriterion, expected.reml_criterion, relative: 1e-8), "criterion \(fit.remlCriterion) vs \(expected.reml_criterion)")
        #expect(Self.close(fit.fixedEffects[0], expected.fixed["(Intercept)"]!))
        for (index, competency) in fit.competencies.enumerated().dropFirst() {
            let reference = try #require(expected.fixed["competency\(competency)"])
            #expect(abs(fit.fixedEffects[index] - reference) < 1e-4, "\(competency): \(fit.fixedEffects[index]) vs \(reference)")
        }
    }
}

/// G(q,k) and the D-study: Putka et al.'s q on the designs whose value is known, and the
/// Shrout–Fleiss ICCs they reduce to on complete, balanced data.
@Suite("Panel reliability: G(q,k) and the D-study")
struct PanelReliabilityTests {
    /// A deterministic generator, so every run sees the same data.
    struct Generator {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func normal() -> Double {
            (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform())
        }
    }

    /// Ratings of one competency: `table[candidate][judge]`, judges shared by every candidate when
    /// `crossed`, otherwise a new judge for every rating.
    static func ratings(_ table: [[Double]], crossed: Bool) -> [PanelRating] {
        table.enumerated().flatMap { candidate, row in
            row.enumerated().map { judge, value in
                PanelRating(
                    candidate: Int64(candidate), interviewer: Int64(crossed ? judge : candidate * row.count + judge), competency: "overall",
                    value: value)
            }
        }
    }

    static func table(candidates: Int, judges: Int, seed: UInt64) -> [[Double]] {
        var random = Generator(state: seed)
        let leniency = (0..<judges).map { _ in 0.5 * random.normal() }
        return (0..<candidates).map { _ in
            let level = random.normal()
            return (0..<judges).map { judge in (3 + level + leniency[judge] + 0.7 * random.normal()).rounded() }
        }
    }

    @Test("fully crossed panels share every interviewer: q is 0 and G equals the Shrout–Fleiss consistency ICC(3,k)")
    func crossedIsConsistency() throws {
        let table = Self.table(candidates: 30, judges: 4, seed: 7)
        let study = try PanelReliability(ratings: Self.ratings(table, crossed: true))
        let icc = try #require(IntraclassCorrelation(ratings: table))
        #expect(abs(study.overlap) < 1e-12)
        #expect(study.interviewersPerCandidate == 4)
        #expect(abs(study.reliability - icc.icc3_k) < 1e-4, "\(study.reliability) vs ICC(3,k) \(icc.icc3_k)")
        #expect(abs(study.projected(interviewers: 1) - icc.icc3_1) < 1e-4, "\(study.projected(interviewers: 1)) vs ICC(3,1) \(icc.icc3_1)")
        #expect(abs(study.projected(interviewers: 4) - study.reliability) < 1e-12)
    }

    @Test("panels that share no interviewer: q is 1/k and G equals the one-way ICC(1,k)")
    func nestedIsOneWay() throws {
        let table = Self.table(candidates: 40, judges: 3, seed: 11)
        let study = try PanelReliability(ratings: Self.ratings(table, crossed: false))
        let icc = try #require(IntraclassCorrelation(ratings: table))
        #expect(abs(study.overlap - 1.0 / 3) < 1e-12)
        #expect(abs(study.reliability - icc.icc1_k) < 1e-4, "\(study.reliability) vs ICC(1,k) \(icc.icc1_k)")
        #expect(abs(study.projected(interviewers: 1) - icc.icc1_1) < 1e-4, "\(study.projected(interviewers: 1)) vs ICC(1,1) \(icc.icc1_1)")
    }

    @Test("the D-study rises with the panel and names the smallest panel reaching a target")
    func dStudy() throws {
        let study = try PanelReliability(
            ratings: VarianceComponentsTests.ratings("ill_structured"), competencyOrder: VarianceComponentsTests.rubricOrder)
        let projected = study.projections.map(\.reliability)
        #expect(projected.count == 8)
        #expect(zip(projected, projected.dropFirst()).allSatisfy { $0 < $1 })
        #expect(study.overlap > 0 && study.overlap < 1 / study.interviewersPerCandidate)
        let smallest = try #require(study.smallestPanel(reaching: 0.7))
        #expect(study.projected(interviewers: smallest) >= 0.7)
        if smallest > 1 { #expect(study.projected(interviewers: smallest - 1) < 0.7) }
        #expect(study.smallestPanel(reaching: 0.999) == nil)
    }

    @Test("too few candidates, interviewers or shared candidates is refused with the reason")
    func refusals() {
        let few = Self.ratings(Self.table(candidates: 6, judges: 3, seed: 3), crossed: true)
        #expect(throws: VarianceComponents.Refusal.tooLittleData("a reliability study needs at least 10 rated candidates; this has 6")) {
            try PanelReliability(ratings: few)
        }
        let twoJudges = Self.ratings(Self.table(candidates: 20, judges: 2, seed: 3), crossed: true)
        #expect(throws: VarianceComponents.Refusal.tooLittleData("a reliability study needs at least 3 interviewers; this has 2")) {
            try PanelReliability(ratings: twoJudges)
        }
        let alone = Self.ratings(Self.table(candidates: 20, judges: 1, seed: 3), crossed: false)
        #expect(
            throws: VarianceComponents.Refusal.tooLittleData(
                "a reliability study needs at least 5 candidates rated by two interviewers or more; this has 0")
        ) {
            try PanelReliability(ratings: alone)
        }
    }
}

/// Data generated from known components: the fit recovers them, and G(q,k) predicts how well two
/// independent panels of the same candidates agree.
@Suite("Panel reliability recovers simulated truth")
struct PanelReliabilitySimulationTests {
    static let truth = (candidate: 0.25, interviewer: 0.10, cell: 0.08, residual: 0.30)
    static let competencies = ["fundamentals", "apis-http", "databases", "system-design"]

    /// Each candidate meets `panels` disjoint panels of 3 drawn from a pool of 60 and is rated on
    /// every competency by each interviewer; panel p's ratings come back as `ratings[p]`.
    static func simulate(candidates: Int, panels: Int, seed: UInt64) -> [[PanelRating]] {
        var random = PanelReliabilityTests.Generator(state: seed)
        let shifts = [0.0, 0.2, -0.1, 0.25]
        let leniency = (0..<60).map { _ in truth.interviewer.squareRoot() * random.normal() }
        var ratings = [[PanelRating]](repeating: [], count: panels)
        for candidate in 0..<candidates {
            let level = truth.candidate.squareRoot() * random.normal()
            let profile = (0..<4).map { _ in truth.cell.squareRoot() * random.normal() }
            var pool = Array(0..<60)
            for panel in 0..<panels {
                for _ in 0..<3 {
                    let interviewer = pool.remove(at: Int(random.uniform() * Double(pool.count)))
                    for c in 0..<4 {
                        let value = 2.5 + shifts[c] + level + profile[c] + leniency[interviewer] + truth.residual.squareRoot() * random.normal()
                        ratings[panel].append(
                            PanelRating(candidate: Int64(candidate), interviewer: Int64(interviewer), competency: competencies[c], value: value))
                    }
                }
            }
        }
        return ratings
    }

    @Test("1,500 candidates: each component lies within three of its standard errors of the truth")
    func recoversComponents() throws {
        let ratings = Self.simulate(candidates: 1_500, panels: 1, seed: 2026)[0]
        let fit = try VarianceComponents(fitting: ratings, competencyOrder: Self.competencies)
        let errors = try #require(fit.errors)
        let checks: [(String, Double, Double, Double?)] = [
            ("candidate", fit.candidate, Self.truth.candidate, errors.candidate),
            ("interviewer", fit.interviewer, Self.truth.interviewer, errors.interviewer),
            ("candidate:competency", fit.candidateCompetency, Self.truth.cell, errors.candidateCompetency),
            ("residual", fit.residual, Self.truth.residual, errors.residual),
        ]
        for (name, estimate, truth, error) in checks {
            let error = try #require(error, "\(name) has a standard error")
            #expect(abs(estimate - truth) <= 3 * error, "\(name): \(estimate) ± \(error) vs \(truth)")
            // Errors of the size theory gives: the chi-square's for the levels behind each.
            #expect(error > 0 && error < truth, "\(name): error \(error)")
        }
        #expect(abs(fit.fixedEffects[1] - 0.2) < 0.05 && abs(fit.fixedEffects[3] - 0.25) < 0.05)
    }

    @Test("G(q,k) from one panel equals the correlation between two independent panels' means, within sampling error")
    func predictsAgreementBetweenPanels() throws {
        let candidates = 1_500
        let (first, second) = { (panels: [[PanelRating]]) in (panels[0], panels[1]) }(Self.simulate(candidates: candidates, panels: 2, seed: 99))
        let study = try PanelReliability(ratings: first, competencyOrder: Self.competencies)
        func means(_ ratings: [PanelRating]) -> [Double] {
            var sums = [Double](repeating: 0, count: candidates), counts = sums
            for rating in ratings {
                sums[Int(rating.candidate)] += rating.value
                counts[Int(rating.candidate)] += 1
            }
            return zip(sums, counts).map { $0 / $1 }
        }
        let a = means(first), b = means(second)
        let meanA = a.reduce(0, +) / Double(candidates), meanB = b.reduce(0, +) / Double(candidates)
        let covariance = zip(a, b).reduce(0) { $0 + ($1.0 - meanA) * ($1.1 - meanB) }
        let spreadA = a.reduce(0) { $0 + ($1 - meanA) * ($1 - meanA) }, spreadB = b.reduce(0) { $0 + ($1 - meanB) * ($1 - meanB) }
        let observed = covariance / (spreadA * spreadB).squareRoot()
        // The correlation's standard error is about (1 − ρ²) / √N.
        let error = (1 - observed * observed) / Double(candidates).squareRoot()
        #expect(abs(study.reliability - observed) <= 4 * error, "G(q,k) \(study.reliability) vs observed \(observed)")
        #expect(study.overlap > 0, "panels drawn from a pool overlap only in part")
    }

    @Test("relabelling interviewers and candidates changes nothing")
    func relabelling() throws {
        let ratings = try VarianceComponentsTests.ratings("missing_competencies")
        let relabelled = ratings.reversed().map {
            PanelRating(candidate: 10_000 - $0.candidate, interviewer: $0.interviewer * 7 + 3, competency: $0.competency, value: $0.value)
        }
        let order = VarianceComponentsTests.rubricOrder
        let original = try PanelReliability(ratings: ratings, competencyOrder: order)
        let other = try PanelReliability(ratings: relabelled, competencyOrder: order)
        for (x, y) in [
            (original.components.candidate, other.components.candidate), (original.components.interviewer, other.components.interviewer),
            (original.components.residual, other.components.residual), (original.reliability, other.reliability), (original.overlap, other.overlap),
        ] {
            #expect(abs(x - y) <= 1e-5 * max(abs(x), 1e-6), "\(x) vs \(y)")
        }
    }

    @Test("a no-signal rating, on a competency rated or not, changes no component: the study reads scorecards' signal only")
    func noSignalChangesNothing() throws {
        let ratings = try VarianceComponentsTests.ratings("missing_competencies")
        let rubric = try RubricDecoder.decode(yaml: String(contentsOfFile: ServerlessRubric.path, encoding: .utf8), file: "backend-engineer.yaml")
        // One scorecard per (candidate, interviewer), folded as the report folds them.
        func cards(extra: Bool) throws -> [ScoredCard] {
            let pairs = Dictionary(grouping: ratings) { [$0.candidate, $0.interviewer] }
            return try pairs.keys.sorted { $0.lexicographicallyPrecedes($1) }.enumerated().map { index, key in
                var scored = try pairs[key]!.map { try Rating(competencyID: $0.competency, value: .point(Int($0.value.rounded()))) }
                if extra && index % 3 == 0 {
                    if let unrated = rubric.competencies.map(\.id).first(where: { id in !scored.contains { $0.competencyID == id } }) {
                        scored.append(try Rating(competencyID: unrated, value: .noSignal))
                    }
                    scored.append(try Rating(competencyID: scored[0].competencyID, questionID: 4, value: .noSignal))
                }
                let card = try Scorecard(
                    roundID: key[0], interviewerID: key[1], state: .submitted, rubricID: rubric.id, rubricHash: rubric.contentHash,
                    scale: rubric.ratingScale, ratings: scored, recommendation: .yes, submittedAt: Date(timeIntervalSince1970: 0))
                return ScoredCard(scorecard: card, candidateID: key[0], roundKind: .technical)
            }
        }
        let plain = try PanelStudy.of(cards: cards(extra: false), rubric: rubric).get()
        let withNoSignal = try PanelStudy.of(cards: cards(extra: true), rubric: rubric).get()
        #expect(plain.components.candidate == withNoSignal.components.candidate)
        #expect(plain.components.interviewer == withNoSignal.components.interviewer)
        #expect(plain.components.candidateCompetency == withNoSignal.components.candidateCompetency)
        #expect(plain.components.residual == withNoSignal.components.residual && plain.reliability == withNoSignal.reliability)
    }
}

/// The shipped rubric, for tests that fold scorecards as the reports do.
enum ServerlessRubric {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Rubrics/backend-engineer.yaml").path
}
