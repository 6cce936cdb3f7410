/// Why a page could not be imported, with what a person needs to fix it.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input had no bytes.
    case empty(source: String)
    /// The input is not text (it holds NUL bytes or is not decodable).
    case binary(source: String)
    /// libxml2 could not build a document from the input.
    case unparsable(source: String)
    /// The page parsed, but nothing on it reads as an interview question.
    case noQuestions(source: String)
    /// The input is larger than Debrief imports.
    case tooLarge(source: String, bytes: Int, limit: Int)
    /// An XPath override is not a valid expression.
    case badXPath(option: String, expression: String)

    public var description: String {
        switch self {
        case .empty(let source): "\(source) is empty; pass an HTML page or fragment"
        case .binary(let source): "\(source) is not text (it looks like a binary file); pass an HTML page or fragment"
        case .unparsable(let source): "\(source) could not be parsed as HTML"
        case .noQuestions(let source):
            "found no questions in \(source); if the page has an unusual layout, point at them with --question-xpath (and --section-xpath, --answer-xpath)"
        case .tooLarge(let source, let bytes, let limit):
            "\(source) is \(bytes / 1_048_576) MB; Debrief imports pages up to \(limit / 1_048_576) MB. Split the page or pass a fragment"
        case .badXPath(let option, let expression): "\(option) '\(expression)' is not a valid XPath expression"
        }
    }
}
