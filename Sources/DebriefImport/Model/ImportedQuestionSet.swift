import DebriefCore

/// What an import found on a page: the shape `debrief import --dry-run --format json` prints.
public struct ImportedQuestionSet: Hashable, Sendable, Encodable {
    public var title: String
    public var source: String
    public var sections: [ImportedSection]
    public var skipped: [SkippedLine]
    public var warnings: [String]
    /// The page's own `<title>`, when it has one: what can name a pasted fragment's set.
    public var pageTitle: String?

    private enum CodingKeys: String, CodingKey { case title, source, sections, skipped, warnings }

    /// Every question of every section, in page order.
    public var questionCount: Int { sections.reduce(0) { $0 + $1.questions.count } }
}

/// A heading of the page and the questions under it.
public struct ImportedSection: Hashable, Sendable, Encodable {
    @NullEncoded public var title: String?
    /// Seniority the section aims at, when its heading says (entry, fresher, mid, experienced).
    @NullEncoded public var level: String?
    /// technical or behavioural, when the heading says.
    @NullEncoded public var kind: String?
    public var questions: [ImportedQuestion]
    /// How the section's questions were laid out, in the order first met (several: a mixed section).
    public var layouts: [String] = []
}

/// One question found on the page.
public struct ImportedQuestion: Hashable, Sendable, Encodable {
    /// The number the page gave it (`Q12.` → 12), or its place in the set.
    public var ordinal: Int
    public var text: String
    /// The model answer as sanitised HTML; nil where the page has none.
    @NullEncoded public var answer: String?
    /// Rubric competencies the question maps to by keyword (empty without `--rubric`).
    public var competencies: [String]
    /// The title a page gave the question in a heading of its own ("Law of Demeter") when the
    /// paragraph after it asks the question; nil when the question is its own heading or line.
    @NullEncoded public var title: String? = nil
}

/// Text that looked as if it might be a question but was left out, and why.
public struct SkippedLine: Hashable, Sendable, Encodable {
    public var text: String
    public var reason: String
}
