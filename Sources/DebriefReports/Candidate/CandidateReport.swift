import DebriefCore
import Foundation

/// One candidate's results for one position: what recruiters read before the debrief meeting.
/// Also the JSON of `debrief report candidate ID --format json`.
public struct CandidateReport: Encodable, Sendable {
    public struct Person: Encodable, Sendable {
        public let id: Int64
        public let name: String
        public let email: String
        public let stage: String
    }

    public struct CompetencyRow: Encodable, Sendable {
        public let id: String
        public let title: String
        public let weight: Double
        @NullEncoded public var mean: Double?
        public let n: Int
        @NullEncoded public var spread: Double?
    }

    public struct RoundRow: Encodable, Sendable {
        public let id: Int64
        public let kind: String
        public let scheduledAt: Date
        /// `held` once a scorecard is submitted, `pending` until then.
        public let status: String
        @NullEncoded public var score: Double?
        public let scorecards: [ScorecardRow]

        /// The kind as people read it ("phone screen"); JSON and CSV keep `kind`, the slug.
        public var kindLabel: String { RoundKind.label(of: kind) }
    }

    public struct ScorecardRow: Encodable, Sendable {
        public let interviewer: String
        public let name: String
        public let recommendation: String
        /// Competency id → point, nil for no signal.
        public let ratings: [String: Int?]
        public let notes: String
        public let version: Int
        @NullEncoded public var submittedAt: Date?
        /// The email of whoever typed it in for the interviewer (a recruiter), nil when they did it themselves.
        @NullEncoded public var enteredBy: String?
        /// Why the current version amended the one before, nil for a first submission.
        @NullEncoded public var amendReason: String?
    }

    public struct QuestionRow: Encodable, Sendable {
        public let id: Int64
        public let text: String
        public let ratings: [QuestionRating]
    }

    public struct QuestionRating: Encodable, Sendable {
        /// The round the question was asked in, and that scorecard's recommendation and submission time.
        public let roundID: Int64
        public let round: String
        public let recommendation: String
        public let submittedAt: Date?
        public let interviewer: String
        public let competency: String
        @NullEncoded public var rating: Int?
        public let note: String?

        private enum CodingKeys: String, CodingKey {
            case roundID = "roundId", round, recommendation, submittedAt, interviewer, competency, rating, note
        }
    }

    public let candidate: Person
    public let position: PositionReport.PositionInfo
    @NullEncoded public var score: Double?
    public let calibratedScore: Double?
    public let coverage: Double
    @NullEncoded public var recommendation: String?
    public let needsDebrief: Bool
    public let flags: [String]
    public let flagReasons: [String]
    @NullEncoded public var rank: Int?
    public let percentile: Double?
    /// How many candidates of the position have a rank.
    public let rankedCandidates: Int
    public let competencies: [CompetencyRow]
    public let rounds: [RoundRow]
    public let questions: [QuestionRow]
    public let notes: [String]

    public var roundsHeld: Int { rounds.filter { $0.status == "held" }.count }
    public var roundsPending: Int { rounds.count - roundsHeld }
}
