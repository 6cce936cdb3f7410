/// `scale:` a list of points, lowest first, each with a value, a label and a description.
enum ScaleDecoder {
    static func decode(_ field: YAMLField) throws(RubricError) -> [ScalePoint] {
        let items = try field.sequence()
        guard items.count >= 2 else { throw field.error("needs at least two points, such as 1 to 4") }
        var points: [ScalePoint] = []
        for item in items {
            let map = try item.mapping(allowed: ["value", "label", "description"], required: ["value", "label", "description"])
            // A scale runs 1, 2, …, N: every point a rating can take has its label and anchors.
            let value = try map.required("value").int()
            let expected = (points.last?.value ?? 0) + 1
            guard value == expected else {
                let order = points.isEmpty ? "a scale starts at 1" : "points run 1, 2, 3, … without gaps, lowest first"
                throw try map.required("value").error("expected \(expected), not \(value): \(order)")
            }
            guard value <= 100 else { throw try map.required("value").error("a scale has at most 100 points") }
            points.append(ScalePoint(value: value, label: try map.required("label").string(), description: try map.required("description").string()))
        }
        return points
    }
}

/// `competencies:` what the rubric measures, with weights and an anchor for every scale point.
enum CompetencyDecoder {
    static func decode(_ field: YAMLField, scale: [ScalePoint]) throws(RubricError) -> [Competency] {
        let items = try field.sequence()
        guard !items.isEmpty else { throw field.error("needs at least one competency") }
        var competencies: [Competency] = []
        for item in items {
            let map = try item.mapping(
                allowed: ["id", "title", "description", "weight", "anchors", "keywords"], required: ["id", "title", "anchors"])
            let id = try map.required("id").slug()
            guard !competencies.contains(where: { $0.id == id }) else { throw try map.required("id").error("'\(id)' is used by two competencies") }
            let weight = try map["weight"]?.double() ?? 1
            guard weight > 0 else { throw try map.required("weight").error("must be greater than 0, not \(weight)") }
            competencies.append(
                Competency(
                    id: id, title: try map.required("title").string(), description: try map["description"]?.string(), weight: weight,
                    anchors: try anchors(map.required("anchors"), scale: scale),
                    keywords: try map["keywords"]?.sequence().map { (keyword) throws(RubricError) in try keyword.string().lowercased() } ?? []))
        }
        return competencies
    }

    private static func anchors(_ field: YAMLField, scale: [ScalePoint]) throws(RubricError) -> [Int: String] {
        var anchors: [Int: String] = [:]
        for (key, value) in try field.pairs() {
            let point = try key.int()
            guard scale.contains(where: { $0.value == point }) else {
                throw key.error("\(point) is not a point of the scale (\(scale.map { String($0.value) }.joined(separator: ", ")))")
            }
            anchors[point] = try value.string()
        }
        let missing = scale.map(\.value).filter { anchors[$0] == nil }
        guard missing.isEmpty else {
            throw field.error("has no anchor for \(missing.map(String.init).joined(separator: ", ")); describe what every scale point looks like")
        }
        return anchors
    }
}

/// `rounds:` which competencies each kind of round covers, with optional round-level weights.
enum RoundPlanDecoder {
    static func decode(_ field: YAMLField, competencies: [Competency]) throws(RubricError) -> [RoundPlan] {
        let known = Set(competencies.map(\.id))
        var plans: [RoundPlan] = []
        for item in try field.sequence() {
            let map = try item.mapping(allowed: ["kind", "competencies", "weights"], required: ["kind", "competencies"])
            let kindField = try map.required("kind")
            let kind = try kindField.roundKind()
            guard !plans.contains(where: { $0.kind == kind }) else { throw kindField.error("round kind '\(kind)' is listed twice") }
            var covered: [String] = []
            for entry in try map.required("competencies").sequence() {
                let id = try entry.string()
                guard known.contains(id) else {
                    throw entry.error("names unknown competency '\(id)'; known: \(competencies.map(\.id).joined(separator: ", "))")
                }
                guard !covered.contains(id) else { throw entry.error("lists competency '\(id)' twice") }
                covered.append(id)
            }
            guard !covered.isEmpty else { throw try map.required("competencies").error("a round must cover at least one competency") }
            var weights: [String: Double] = [:]
            for (key, value) in try map["weights"]?.pairs() ?? [] {
                let id = try key.string()
                guard covered.contains(id) else { throw key.error("weights '\(id)', which this round does not cover") }
                let weight = try value.double()
                guard weight > 0 else { throw value.error("must be greater than 0, not \(weight)") }
                weights[id] = weight
            }
            plans.append(RoundPlan(kind: kind, competencies: covered, weights: weights))
        }
        guard !plans.isEmpty else { throw field.error("needs at least one round kind") }
        return plans
    }
}

/// `thresholds:` lower bounds of the overall score for strong yes, yes and no.
enum ThresholdDecoder {
    static func decode(_ field: YAMLField, scale: [ScalePoint]) throws(RubricError) -> RecommendationThresholds {
        let map = try field.mapping(allowed: ["strong_yes", "yes", "no"], required: ["strong_yes", "yes", "no"])
        let thresholds = RecommendationThresholds(
            strongYes: try map.required("strong_yes").double(), yes: try map.required("yes").double(), no: try map.required("no").double())
        let low = Double(scale.first!.value), high = Double(scale.last!.value)
        for (name, value) in [("strong_yes", thresholds.strongYes), ("yes", thresholds.yes), ("no", thresholds.no)]
        where !(low...high).contains(value) {
            throw try map.required(name).error("\(value) is outside the scale \(Int(low))–\(Int(high))")
        }
        guard thresholds.no < thresholds.yes, thresholds.yes < thresholds.strongYes else {
            throw field.error("are out of order; they need no < yes < strong_yes (got \(thresholds.no), \(thresholds.yes), \(thresholds.strongYes))")
        }
        return thresholds
    }
}

/// `flags:` when a candidate's numbers call for a debrief.
enum FlagRulesDecoder {
    static func decode(_ field: YAMLField) throws(RubricError) -> FlagRules {
        let map = try field.mapping(allowed: ["any_strong_no", "disagreement", "coverage_floor"])
        let disagreement = try map["disagreement"]?.int()
        if let disagreement, disagreement < 1 { throw try map.required("disagreement").error("must be 1 or more, not \(disagreement)") }
        let floor = try map["coverage_floor"]?.double()
        if let floor, !(floor > 0 && floor <= 1) {
            throw try map.required("coverage_floor").error("must be a share above 0 and at most 1, not \(floor)")
        }
        return FlagRules(anyStrongNo: try map["any_strong_no"]?.bool() ?? true, disagreement: disagreement, coverageFloor: floor)
    }
}
