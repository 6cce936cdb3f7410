import DebriefCore

/// A position's scores, ranking, agreement and calibration: the JSON contract of
/// `debrief report position ID --format json`, documented in the README.
///
/// Figures that are undefined are encoded as `null`, never left out, and `notes` says why.
public struct PositionReport: Encodable, Sendable {
    public struct PositionInfo: Encodable, Sendable {
        public let id: Int64
        public let title: String
        @NullEncoded public var level: String?
        public let rubric: RubricInfo
    }

    public struct RubricInfo: Encodable, Sendable {
        public let id: String
        public let title: String
        public let version: String
        public let contentHash: String
        public let scaleMin: Int
        public let scaleMax: Int
        /// The rubric's competencies in its order, for tables and charts.
        public let competencies: [CompetencyInfo]

        /// Each competency's title by its id, for text people read.
        public var competencyTitles: [String: String] {
            Dictionary(competencies.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public struct CompetencyInfo: Encodable, Sendable {
        public let id: String
        public let title: String
        public let weight: Double
    }

    /// A competency's mean over the candidates who have signal on it.
    public struct CompetencyAverage: Encodable, Sendable {
        public let mean: Double
        public let candidates: Int
    }

    public struct CompetencyFigure: Encodable, Sendable {
        public let mean: Double
        public let n: Int
        public let spread: Double
    }

    public struct CandidateEntry: ConcurrentlyEncodableElement {
        public let id: Int64
        public let name: String
        public let email: String
        public let stage: String
        @NullEncoded public var score: Double?
        @NullEncoded public var calibratedScore: Double?
        public let coverage: Double
        @NullEncoded public var recommendation: String?
        public let needsDebrief: Bool
        public let flags: [String]
        public let flagReasons: [String]
        @NullEncoded public var rank: Int?
        @NullEncoded public var percentile: Double?
        public let scorecards: Int
        public let competencies: [String: CompetencyFigure]
        /// Each held round's score under the rubric's plan for its kind (its competencies and round
        /// weights), keyed by round id; rounds whose kind the rubric does not plan have none.
        public let roundScores: [String: Double?]
    }

    public struct AgreementEntry: Encodable, Sendable {
        @NullEncoded public var krippendorffAlphaInterval: Double?
        @NullEncoded public var krippendorffAlphaOrdinal: Double?
        public let units: Int
        public let coders: Int
    }

    /// The panel reliability study (issue 16's G-study and D-study); every figure null, and a note,
    /// when the position has too little data for it.
    public struct ReliabilityEntry: Encodable, Sendable {
        /// G(q,k): the reliability of a candidate's score from the panels the position had.
        @NullEncoded public var g: Double?
        /// Putka et al.'s q: how much interviewers' leniency differs between candidates' panels.
        @NullEncoded public var q: Double?
        @NullEncoded public var interviewersPerCandidate: Double?
        @NullEncoded public var variance: Components?
        @NullEncoded public var standardErrors: Components?
        /// Projected reliability for panels of 1 to 8 interviewers; empty without a study.
        public let projections: [Projection]
        @NullEncoded public var interviewersFor07: Int?
        @NullEncoded public var interviewersFor08: Int?
        /// The study in a sentence, as the HTML and Markdown reports print it.
        @NullEncoded public var summary: String?

        public struct Components: Encodable, Sendable {
            @NullEncoded public var candidate: Double?
            @NullEncoded public var interviewer: Double?
            @NullEncoded public var candidateCompetency: Double?
            @NullEncoded public var residual: Double?
        }

        public struct Projection: Encodable, Sendable {
            public let interviewers: Int
            public let reliability: Double
        }

        private enum CodingKeys: String, CodingKey {
            case g, q, interviewersPerCandidate, variance, standardErrors, projections, summary
            case interviewersFor07 = "interviewers_for_0_7", interviewersFor08 = "interviewers_for_0_8"
        }
    }

    public struct CalibrationEntry: Encodable, Sendable {
        public let interviewer: String
        public let name: String
        public let scorecards: Int
        @NullEncoded public var mean: Double?
        @NullEncoded public var leniency: Double?
        public let noDecisionShare: Double
        public let strongShare: Double
        public let correctedInCalibratedScore: Bool
    }

    public let position: PositionInfo
    public let candidates: [CandidateEntry]
    public let agreement: AgreementEntry
    public let reliability: ReliabilityEntry
    public let calibration: [CalibrationEntry]
    /// Per competency, the mean of the candidates' competency means across the pipeline.
    public let competencyAverages: [String: CompetencyAverage]
    public let notes: [String]
}
