import Foundation

/// A person applying for a position.
public struct Candidate: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    /// Unique across candidates: the key a recruiter looks a candidate up by.
    public var email: EmailAddress
    public var phone: String?
    /// Where the candidate came from (referral, job board, ...), free text.
    public var source: String?
    public var stage: PipelineStage
    public var createdAt: Date

    public init(
        id: Int64? = nil, name: String, email: EmailAddress, phone: String? = nil, source: String? = nil,
        stage: PipelineStage = .applied, createdAt: Date = Date()
    ) throws(FieldError) {
        self.id = id
        self.name = try Text.required(name, field: "name")
        self.email = email
        self.phone = try Self.validatedPhone(phone)
        self.source = try Text.optional(source, field: "source", maxLength: 100)
        self.stage = stage
        self.createdAt = createdAt
    }

    /// Returns the candidate moved to `next`, or explains why the pipeline forbids it.
    public func moved(to next: PipelineStage) throws(FieldError) -> Candidate {
        try stage.validateMove(to: next)
        var copy = self
        copy.stage = next
        return copy
    }

    /// Refuses to schedule a round for a candidate whose process has ended: the one rule behind
    /// `rounds schedule` and rounds created by a score sheet.
    public func validateCanBeScheduled() throws(FieldError) {
        guard !stage.isClosed else {
            throw FieldError(field: "candidate", "\(name) is '\(stage.rawValue)'; reopen them before scheduling a round")
        }
    }

    private static func validatedPhone(_ phone: String?) throws(FieldError) -> String? {
        guard let phone = try Text.optional(phone, field: "phone", maxLength: 40) else { return nil }
        let digits = phone.filter(\.isNumber)
        let allowed = phone.allSatisfy { $0.isNumber || " +-().".contains($0) }
        guard allowed, (5...20).contains(digits.count) else {
            throw FieldError(
                field: "phone",
                "'\(phone)' is not a phone number: it needs 5 to 20 digits (it has \(digits.count)), with only + - ( ) . and spaces besides")
        }
        return phone
    }
}
