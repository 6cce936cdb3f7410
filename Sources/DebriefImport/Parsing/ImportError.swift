/// Why a page could not be imported, with what a person needs to fix it.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input had no bytes.
    case empty(source: String)
    /// The input is not text (it holds NUL bytes or is not decodable).
    case binary(source: String)
    /// libxml2 could not build a document from the input.
    case unparsable(source: String)

    public var description: String {
        switch self {
        case .empty(let source): "\(source) is empty; pass an HTML page or fragment"
        case .binary(let source): "\(source) is not text (it looks like a binary file); pass an HTML page or fragment"
        case .unparsable(let source): "\(source) could not be parsed as HTML"
        }
    }
}
