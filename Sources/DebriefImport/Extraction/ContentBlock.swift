/// A block of a page's main content, in reading order, after boilerplate is left out.
struct ContentBlock: Sendable {
    enum Kind: Equatable, Sendable {
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool)
        case table
        case details
        case definitionList
        case preformatted
        case other
    }

    let kind: Kind
    let node: HTMLNode
    /// The block's visible text, normalised.
    let text: String
    /// The block as sanitised answer HTML, when that was worked out ahead (while the page was
    /// parsed); nil when it was not.
    var sanitised: String? = nil

    /// Headings open questions or sections; they are never part of an answer.
    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}
