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

    init(kind: Kind, node: HTMLNode, text: String, wrappers: [String] = []) {
        self.kind = kind
        self.node = node
        keptText = text
        self.wrappers = wrappers
    }
    /// The block's visible text, normalised, when it is kept; nil once dropped (`readFactsAhead`).
    private var keptText: String?
    /// The block's visible text, normalised. A dropped text is read again from the node; the
    /// extractor asks only for blocks whose `textDropped` is false.
    var text: String { keptText ?? node.normalisedText }
    /// The block as sanitised answer HTML, when that was worked out ahead (while the page was
    /// parsed); nil when it was not.
    var piece: AnswerPiece? = nil
    /// The answer tags of phrasing elements (`em`, `strong`, …) that were read through to reach this
    /// block, outermost first: libxml2 nests the rest of a paragraph inside an unclosed `<em>`, and
    /// the emphasis must stay on that text.
    var wrappers: [String] = []
    /// What the extractor asks of the node's text, read ahead while that text was still held (it may
    /// be released before the extractor asks; see `ReleasedText`); nil when not read ahead.
    private(set) var factsAhead: (inPageNavigation: Bool, whollyBold: Bool)? = nil

    /// The block, moved out: what is left in its place holds no text, answer HTML or wrappers, so a
    /// long page's strings are freed as they are read rather than all at the end, and nothing is
    /// copied (no reference counting per string).
    mutating func take() -> ContentBlock {
        var taken = ContentBlock(kind: kind, node: node, text: "")
        swap(&taken, &self)
        return taken
    }

    /// True when the block may be read without its node's text: a heading, paragraph or
    /// preformatted element that is not part of a line. The extractor asks only `text`, `piece`
    /// and the facts read ahead of such a block, never its node's text.
    var keepsWhatIsAsked: Bool {
        guard node.isElement, !node.traits.flags.contains(.inline) else { return false }
        switch kind {
        case .heading, .paragraph, .preformatted: return true
        default: return false
        }
    }

    /// Reads ahead what the extractor will ask of the node's text, and drops a long paragraph's
    /// text that nothing will ask for: one that is neither navigation, bold, labelled as a question
    /// nor short enough to ask one (`textDropped`), which is to say a paragraph of an answer.
    mutating func readFactsAhead() {
        let facts = (inPageNavigation: InPageNavigation.isOnlyInPageLinks(node), whollyBold: BoldText.isWhollyBold(node))
        factsAhead = facts
        guard kind == .paragraph || kind == .preformatted, !facts.inPageNavigation, !facts.whollyBold, let text = keptText,
            !TextScan.isShort(text, atMost: Self.longestAskingText), !QuestionHeuristics.strippingQuestionLabel(text).labelled
        else { return }
        keptText = nil
    }

    /// The longest text a paragraph that asks a question may have (`QuestionExtractor.asks`);
    /// longer paragraphs are read only as parts of answers, unless bold or labelled.
    static let longestAskingText = 400

    /// True when the block's text was dropped (`readFactsAhead`): the paragraph is too long to ask
    /// or title anything, and not bold, labelled or navigation, so it can only be part of an answer.
    var textDropped: Bool { keptText == nil }

    /// True when the block's visible text is all in-page links (`InPageNavigation`).
    var isOnlyInPageLinks: Bool { factsAhead?.inPageNavigation ?? InPageNavigation.isOnlyInPageLinks(node) }

    /// True when the block is set entirely in bold (`BoldText`).
    var isWhollyBold: Bool { factsAhead?.whollyBold ?? BoldText.isWhollyBold(node) }

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
