/// A rating on a scale, or the explicit absence of one.
///
/// "No signal" means the round gave the interviewer nothing to judge a competency on.
/// It is never a zero: scoring leaves it out.
public enum RatingValue: Hashable, Sendable {
    case point(Int)
    case noSignal

    /// The words that mean "no signal" wherever a person types a rating (flags, files, score sheets).
    public static let noSignalWords: Set<String> = ["none", "no-signal", "no_signal", "n/a", "-"]

    /// Reads a rating as typed: a whole number, or one of `noSignalWords`.
    public init(parsing text: String, field: String = "rating") throws(FieldError) {
        let word = text.trimmingWhitespace()
        if Self.noSignalWords.contains(word.lowercased()) {
            self = .noSignal
        } else if let point = Int(word) {
            self = .point(point)
        } else {
            throw FieldError(field: field, "'\(text)' is not a rating; use a point on the rubric's scale or 'none' for no signal")
        }
    }

    /// The point on the scale, or nil for no signal.
    public var point: Int? {
        if case .point(let value) = self { value } else { nil }
    }
}

/// One interviewer's rating of one competency, optionally for one question asked.
public struct Rating: Hashable, Sendable, Codable {
    public var competencyID: String
    /// The question this rating is for, when the interviewer rated per question.
    public var questionID: Int64?
    public var value: RatingValue
    public var note: String?

    public init(competencyID: String, questionID: Int64? = nil, value: RatingValue, note: String? = nil) throws(FieldError) {
        self.competencyID = try Slug.validated(competencyID, field: "competency")
        self.questionID = questionID
        self.value = value
        self.note = note.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private enum CodingKeys: String, CodingKey { case competencyID, questionID, value, note }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let point = try container.decodeIfPresent(Int.self, forKey: .value)
        do {
            try self.init(
                competencyID: container.decode(String.self, forKey: .competencyID),
                questionID: container.decodeIfPresent(Int64.self, forKey: .questionID),
                value: point.map(RatingValue.point) ?? .noSignal,
                note: container.decodeIfPresent(String.self, forKey: .note))
        } catch let error as FieldError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes no signal as `"value": null`, so JSON readers never see it as a number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(competencyID, forKey: .competencyID)
        try container.encodeIfPresent(questionID, forKey: .questionID)
        try container.encode(value.point, forKey: .value)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
