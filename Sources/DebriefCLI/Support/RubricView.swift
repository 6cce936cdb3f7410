import DebriefCore
import Foundation

/// A rubric as `rubric show` prints it.
struct RubricView: Encodable {
    struct CompetencyView: Encodable {
        let id: String, title: String, weight: Double, anchors: [String: String], keywords: [String]
    }

    struct RoundView: Encodable {
        let kind: String, competencies: [String], weights: [String: Double]
    }

    let id: String, title: String, version: String, contentHash: String
    let scale: [ScalePoint]
    let competencies: [CompetencyView]
    let rounds: [RoundView]
    let thresholds: RecommendationThresholds
    let flags: FlagRules

    init(_ rubric: Rubric) {
        id = rubric.id
        title = rubric.title
        version = rubric.version
        contentHash = rubric.contentHash
        scale = rubric.scale
        competencies = rubric.competencies.map {
            CompetencyView(
                id: $0.id, title: $0.title, weight: $0.weight,
                anchors: Dictionary(uniqueKeysWithValues: $0.anchors.map { (String($0.key), $0.value) }),
                keywords: $0.keywords)
        }
        rounds = rubric.rounds.map { RoundView(kind: $0.kind.rawValue, competencies: $0.competencies, weights: $0.weights) }
        thresholds = rubric.thresholds
        flags = rubric.flags
    }

    static func text(_ view: RubricView) -> String {
        var lines = ["\(view.title) (\(view.id) v\(view.version))", "", "Scale:"]
        lines += view.scale.map { "  \($0.value) \($0.label): \($0.description)" }
        lines += ["", "Competencies:"]
        for competency in view.competencies {
            lines.append("  \(competency.id): \(competency.title) (weight \(competency.weight.formatted()))")
            lines += competency.anchors.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { "    \($0.key) \($0.value)" }
        }
        lines += ["", "Rounds (round weights where they differ from the rubric's):"]
        lines += view.rounds.map { round in
            let covered = round.competencies.map { id in round.weights[id].map { "\(id) (weight \($0.formatted()))" } ?? id }
            return "  \(round.kind): \(covered.joined(separator: ", "))"
        }
        lines += [
            "",
            "Thresholds: strong yes ≥ \(view.thresholds.strongYes.formatted()), yes ≥ \(view.thresholds.yes.formatted()), no ≥ \(view.thresholds.no.formatted()), else strong no",
            "Flags: " + flagText(view.flags),
        ]
        return lines.joined(separator: "\n")
    }

    private static func flagText(_ flags: FlagRules) -> String {
        var rules: [String] = []
        if flags.anyStrongNo { rules.append("any strong no") }
        if let gap = flags.disagreement { rules.append("interviewers \(gap) or more points apart on a competency") }
        if let floor = flags.coverageFloor { rules.append("coverage below \(Int((floor * 100).rounded()))%") }
        return rules.isEmpty ? "none" : rules.joined(separator: "; ")
    }
}
