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
    private(set) var text: String
    /// The block as sanitised answer HTML, when that was worked out ahead (while the page was
    /// parsed); nil when it was not.
    var sanitised: String? = nil
    /// The answer tags of phrasing elements (`em`, `strong`, …) that were read through to reach this
    /// block, outermost first: libxml2 nests the rest of a paragraph inside an unclosed `<em>`, and
    /// the emphasis must stay on that text.
    var wrappers: [String] = []

    /// Lets go of the block's text and answer HTML once a reader has its own copy of the block, so a
    /// long page's strings are freed as they are read rather than all at the end.
    mutating func release() {
        text = ""
        sanitised = nil
        wrappers = []
    }

    /// Text, or a phrasing element with no block inside: part of a line, not a block of its own.
    var isInline: Bool {
        node.isText || (node.traits.flags.contains(.inline) && !node.containsBlocks)
    }

    /// True for a phrasing element with visible text beside it under the same parent, as in
    /// `Plain <strong>bold</strong> text`: a part of a line, never a heading or question of its own.
    /// Only for a finished tree (it reads the parent's children).
    var sharesItsLine: Bool {
        guard node.isElement, node.traits.flags.contains(.inline), let parent = node.parent else { return false }
        return parent.children.contains { !$0.isSame(as: node) && $0.isText && TextNormaliser.hasVisibleText($0) }
    }

    /// Headings open questions or sections; they are never part of an answer.
    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}
