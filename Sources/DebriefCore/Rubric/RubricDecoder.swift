import Yams

/// Reads a rubric from YAML text, refusing anything broken with file, line and what to fix.
public enum RubricDecoder {
    private static let topKeys = ["id", "title", "version", "description", "scale", "competencies", "rounds", "thresholds", "flags"]

    /// Decodes and validates `yaml`; `file` names the source in errors.
    public static func decode(yaml: String, file: String) throws(RubricError) -> Rubric {
        let root = try parse(yaml, file: file)
        let top = try root.mapping(allowed: topKeys, required: ["id", "title", "version", "scale", "competencies", "rounds", "thresholds"])
        let scale = try ScaleDecoder.decode(top.required("scale"))
        let competencies = try CompetencyDecoder.decode(top.required("competencies"), scale: scale)
        let rounds = try RoundPlanDecoder.decode(top.required("rounds"), competencies: competencies)
        let thresholds = try ThresholdDecoder.decode(top.required("thresholds"), scale: scale)
        let flags = try top["flags"].map(FlagRulesDecoder.decode) ?? FlagRules(anyStrongNo: true, disagreement: 2, coverageFloor: nil)
        return Rubric(
            id: try top.required("id").slug(), title: try top.required("title").string(), version: try top.required("version").string(),
            description: try top["description"]?.string(), scale: scale, competencies: competencies, rounds: rounds,
            thresholds: thresholds, flags: flags, yaml: yaml)
    }

    private static func parse(_ yaml: String, file: String) throws(RubricError) -> YAMLField {
        guard let root = try YAMLField.root(of: yaml, file: file, format: "YAML") else {
            throw RubricError(file: file, line: nil, "is empty; a rubric needs id, title, version, scale, competencies, rounds and thresholds")
        }
        return root
    }
}

extension YamlError {
    /// The line libyaml pointed at, when it did.
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    var problem: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            context.map { "\(problem) (\($0.text) that starts on line \($0.mark.line))" } ?? problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicate keys: \(duplicates.joined(separator: ", "))"
        default: "\(self)"
        }
    }
}
