import Foundation

/// One submitted rating of a position with what the long-form ratings CSV shows beside it: the
/// bulk export, read from the store a row at a time rather than as a whole dossier.
public struct PositionRatingRow: Sendable {
    public let candidateName: String
    public let candidateEmail: String
    public let roundID: Int64
    public let roundKind: String
    public let interviewerEmail: String
    public let recommendation: String?
    public let competencyID: String
    /// The question's text, when the rating was per question.
    public let question: String?
    /// The point on the scale; nil for no signal.
    public let value: Int?
    public let submittedAt: Date?

    public init(
        candidateName: String, candidateEmail: String, roundID: Int64, roundKind: String, interviewerEmail: String, recommendation: String?,
        competencyID: String, question: String?, value: Int?, submittedAt: Date?
    ) {
        self.candidateName = candidateName
        self.candidateEmail = candidateEmail
        self.roundID = roundID
        self.roundKind = roundKind
        self.interviewerEmail = interviewerEmail
        self.recommendation = recommendation
        self.competencyID = competencyID
        self.question = question
        self.value = value
        self.submittedAt = submittedAt
    }
}
