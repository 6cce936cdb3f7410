/// Whether a question probes skills or behaviour.
public enum QuestionKind: String, CaseIterable, Codable, Sendable {
    case technical
    case behavioural
}

/// One interview question in the bank.
public struct Question: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var setID: Int64?
    /// The number the source page gave the question (`Q12.` → 12), or its place in the set.
    public var ordinal: Int
    public var text: String
    /// The model answer as sanitised HTML, when the source had one.
    public var answerHTML: String?
    public var section: String?
    /// Seniority the source aims the question at (entry, fresher, experienced, ...).
    public var level: String?
    public var kind: QuestionKind?
    public var tags: [String]
    /// Rubric competencies the question probes, mapped from the rubric's keywords on import.
    public var competencies: [String]
    /// The short title the source gave the question ("Law of Demeter"), when it had one besides the question.
    public var title: String?

    public init(
        id: Int64? = nil, setID: Int64? = nil, ordinal: Int, text: String, answerHTML: String? = nil,
        section: String? = nil, level: String? = nil, kind: QuestionKind? = nil, tags: [String] = [], competencies: [String] = [],
        title: String? = nil
    ) throws(FieldError) {
        self.title = try Text.optional(title, field: "title", maxLength: 300)
        guard ordinal >= 0 else { throw FieldError(field: "ordinal", "must be zero or more, not \(ordinal)") }
        self.id = id
        self.setID = setID
        self.ordinal = ordinal
        self.text = try Text.required(text, field: "text", maxLength: 2_000)
        self.answerHTML = answerHTML.flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil }
        self.section = try Text.optional(section, field: "section")
        self.level = try Text.optional(level, field: "level", maxLength: 50)
        self.kind = kind
        var seen = Set<String>()
        var cleanTags: [String] = []
        for tag in tags {
            let clean = try Text.required(tag, field: "tag", maxLength: 50).lowercased()
            if seen.insert(clean).inserted { cleanTags.append(clean) }
        }
        self.tags = cleanTags
        self.competencies = try competencies.map { (id) throws(FieldError) in try Slug.validated(id, field: "competency") }
    }
}
