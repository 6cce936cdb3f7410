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
}
