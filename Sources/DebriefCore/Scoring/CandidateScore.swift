/// The mean rating of one competency and what lies behind it.
public struct CompetencyResult: Hashable, Sendable {
    public let mean: Double
    /// How many scorecards rated it.
    public let n: Int
    /// The gap between the highest and lowest interviewer's rating.
    public let spread: Double

    public init(mean: Double, n: Int, spread: Double) {
        self.mean = mean
        self.n = n
        self.spread = spread
    }
}

/// Something in a candidate's numbers that calls for a conversation before anyone trusts them.
public enum ScoreFlag: Hashable, Sendable {
    /// Someone recommended strong no.
    case strongNo(count: Int)
    /// Interviewers rated a competency this many points apart.
    case disagreement(competency: String, spread: Double)
    /// Too little of the rubric's weight had any signal.
    case lowCoverage(coverage: Double, floor: Double)

    /// A stable machine-readable name.
    public var code: String {
        switch self {
        case .strongNo: "strong_no"
        case .disagreement(let competency, _): "disagreement:\(competency)"
        case .lowCoverage: "low_coverage"
        }
    }

    /// The flag in words, a competency named by its title in `titles` (by id) when it has one there.
    public func explanation(titles: [String: String] = [:]) -> String {
        switch self {
        case .strongNo(let count): "\(count) interviewer\(count == 1 ? "" : "s") recommended strong no"
        case .disagreement(let competency, let spread): "interviewers are \(Self.points(spread)) apart on \(titles[competency] ?? competency)"
        case .lowCoverage(let coverage, let floor):
            "only \(Int((coverage * 100).rounded()))% of the rubric's weight has signal (floor \(Int((floor * 100).rounded()))%)"
        }
    }

    /// A flag's `code` in a few words for a table's cell ("strong no", "disagreement: Databases"),
    /// a competency named by its title in `titles` when it has one there.
    public static func label(ofCode code: String, titles: [String: String] = [:]) -> String {
        let disagreement = "disagreement:"
        guard code.hasPrefix(disagreement) else { return Slug.words(code) }
        let competency = String(code.dropFirst(disagreement.count))
        return "disagreement: \(titles[competency] ?? competency)"
    }

    private static func points(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) points" : "\(value) points"
    }
}

/// A candidate's mechanically combined score under one rubric.
public struct CandidateScore: Hashable, Sendable {
    public let candidateID: Int64
    public let competencies: [String: CompetencyResult]
    /// The weighted mean of competency means over competencies with signal; nil when none has any.
    public let score: Double?
    /// The share of the rubric's total weight that had signal, 0 to 1.
    public let coverage: Double
    /// What the thresholds make of the score; nil without a score.
    public let recommendation: Recommendation?
    public let flags: [ScoreFlag]
    /// Scores per held round's id, over the competencies that round covers; nil where the round's
    /// scorecards give no signal on them.
    public let roundScores: [Int64: Double?]
    public let ratingCount: Int
    public let scorecardCount: Int

    public init(
        candidateID: Int64, competencies: [String: CompetencyResult], score: Double?, coverage: Double, recommendation: Recommendation?,
        flags: [ScoreFlag], roundScores: [Int64: Double?], ratingCount: Int, scorecardCount: Int
    ) {
        self.candidateID = candidateID
        self.competencies = competencies
        self.score = score
        self.coverage = coverage
        self.recommendation = recommendation
        self.flags = flags
        self.roundScores = roundScores
        self.ratingCount = ratingCount
        self.scorecardCount = scorecardCount
    }

    /// True when any flag fired.
    public var needsDebrief: Bool { !flags.isEmpty }
}
