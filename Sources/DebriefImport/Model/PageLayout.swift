/// The ways a page lays its questions out that the importer recognises; each section of an import
/// says which it found, so a recruiter can see how the page was read before storing it.
public enum PageLayout: String, Sendable, Hashable, CaseIterable {
    /// One heading per question (`<h3>What is …?</h3>`, `Q12. …`).
    case questionHeadings = "question-headings"
    /// A short title heading followed by the paragraph that asks.
    case titledQuestions = "titled-questions"
    /// Wholly bold or `Question:` paragraphs.
    case questionParagraphs = "question-paragraphs"
    /// A list of questions (with nested follow-ups).
    case questionList = "question-list"
    /// List items that each hold a question heading and its answer.
    case answeredListItems = "answered-list-items"
    /// `<details><summary>` questions.
    case details
    /// A table with a question column.
    case table
    /// A definition list of questions and answers.
    case definitionList = "definition-list"
    /// The XPath expressions the person gave.
    case xpath
}

extension PageLayout {
    /// The layout in a recruiter's words, for the import preview ("a heading per question").
    public var plainWords: String {
        switch self {
        case .questionHeadings: "a heading per question"
        case .titledQuestions: "a title heading, then the paragraph that asks"
        case .questionParagraphs: "bold or “Question:” paragraphs"
        case .questionList: "a list of questions"
        case .answeredListItems: "list items holding a question and its answer"
        case .details: "expandable question summaries"
        case .table: "a table with a question column"
        case .definitionList: "a definition list of questions and answers"
        case .xpath: "the XPath expressions given"
        }
    }

    /// The plain words of a section's `layouts` (raw values), joined for one line of the preview.
    public static func plainWords(of layouts: [String]) -> String {
        layouts.map { PageLayout(rawValue: $0)?.plainWords ?? $0 }.joined(separator: "; ")
    }
}
