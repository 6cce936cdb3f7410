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

    @Test("the four components, the fixed effects and the REML criterion", arguments: ["crossed", "nested", "ill_structured", "missing_competencies"])
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
        #expect(Self.close(fit.remlCriterion, expected.reml_criterion, relative: 1e-8), "criterion \(fit.remlCriterion) vs \(expected.reml_criterion)")
        #expect(Self.close(fit.fixedEffects[0], expected.fixed["(Intercept)"]!))
        for (index, competency) in fit.competencies.enumerated().dropFirst() {
            let reference = try #require(expected.fixed["competency\(competency)"])
            #expect(abs(fit.fixedEffects[index] - reference) < 1e-4, "\(competency): \(fit.fixedEffects[index]) vs \(reference)")
        }
    }
}
