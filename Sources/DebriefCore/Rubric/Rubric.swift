/// An anchored scoring rubric for one kind of role, loaded from `Rubrics/ID.yaml`.
///
/// Scores are mechanical: each competency's ratings are averaged, then combined with the
/// rubric's weights; thresholds turn the overall score into a recommendation; flags say when
/// the numbers need a conversation before anyone trusts them.
public struct Rubric: Hashable, Sendable {
    public let id: String
    public let title: String
    public let version: String
    public let description: String?
    /// The rating scale, lowest point first; every point has a label and a description.
    public let scale: [ScalePoint]
    public let competencies: [Competency]
    /// Which competencies each round kind covers.
    public let rounds: [RoundPlan]
    public let thresholds: RecommendationThresholds
    public let flags: FlagRules
    /// SHA-256 of the file's bytes: the version that scorecards record.
    public let contentHash: String
    /// The file's text, kept so a scorecard's rubric version can be stored and scored again later.
    public let yaml: String

    public init(
        id: String, title: String, version: String, description: String?, scale: [ScalePoint], competencies: [Competency],
        rounds: [RoundPlan], thresholds: RecommendationThresholds, flags: FlagRules, yaml: String
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.scale = scale
        self.competencies = competencies
        self.rounds = rounds
        self.thresholds = thresholds
        self.flags = flags
        self.contentHash = SHA256.hex(of: Array(yaml.utf8))
        self.yaml = yaml
    }

    /// The scale's range as the bounds ratings are checked against.
    public var ratingScale: RatingScale {
        // The decoder guarantees at least two points in ascending order.
        try! RatingScale(minimum: scale.first!.value, maximum: scale.last!.value)
    }

    public func competency(_ id: String) -> Competency? {
        competencies.first { $0.id == id }
    }

    /// The plan for a round kind, or nil when the rubric does not know the kind.
    public func plan(for kind: RoundKind) -> RoundPlan? {
        rounds.first { $0.kind == kind }
    }

    /// The plan for a round kind, or an error naming the kinds this rubric knows: the one check
    /// behind scheduling a round, importing one from a score sheet and validating a scorecard.
    public func requirePlan(for kind: RoundKind) throws(FieldError) -> RoundPlan {
        guard let plan = plan(for: kind) else {
            let kinds = rounds.map(\.kind.rawValue).joined(separator: ", ")
            throw FieldError(field: "kind", "rubric \(id) has no '\(kind)' rounds; it knows: \(kinds)")
        }
        return plan
    }

    /// The sum of all competency weights: the denominator of coverage.
    public var totalWeight: Double { competencies.reduce(0) { $0 + $1.weight } }
}

/// One point of a rating scale, such as `3: Strong — solid, independent answer`.
public struct ScalePoint: Hashable, Sendable, Codable {
    public let value: Int
    public let label: String
    public let description: String
}

/// Something the rubric measures, with its weight and what each scale point looks like for it.
public struct Competency: Hashable, Sendable, Codable {
    public let id: String
    public let title: String
    public let description: String?
    public let weight: Double
    /// Behavioural anchors by scale point: what an answer at that level looks like.
    public let anchors: [Int: String]
    /// Words that map imported questions to this competency.
    public let keywords: [String]
}

/// The competencies one kind of round covers, with optional weights for round-level scores.
public struct RoundPlan: Hashable, Sendable, Codable {
    public let kind: RoundKind
    public let competencies: [String]
    /// Round-level weights by competency id; a competency not named here keeps its rubric weight.
    public let weights: [String: Double]
}

/// Lower bounds of the overall score for each recommendation; below `no` is strong no.
public struct RecommendationThresholds: Hashable, Sendable, Codable {
    public let strongYes: Double
    public let yes: Double
    public let no: Double

    /// The recommendation an overall score earns.
    public func recommendation(for score: Double) -> Recommendation {
        if score >= strongYes { return .strongYes }
        if score >= yes { return .yes }
        if score >= no { return .no }
        return .strongNo
    }
}

/// When a candidate's numbers call for a debrief conversation.
public struct FlagRules: Hashable, Sendable, Codable {
    /// Flag any candidate who got a strong-no recommendation from anyone.
    public let anyStrongNo: Bool
    /// Flag when two interviewers' ratings of one competency are this many points apart or more.
    public let disagreement: Int?
    /// Flag when coverage (share of total weight with signal) is below this.
    public let coverageFloor: Double?
}
