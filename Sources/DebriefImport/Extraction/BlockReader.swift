/// Finds a page's main content and reads it as a flat sequence of blocks, leaving out navigation,
/// sidebars, footers, ads, scripts, styles, comments and "Pro Tip" asides.
struct BlockReader {
    private(set) var blocks: [ContentBlock] = []
    private(set) var skipped: [SkippedLine] = []

    static let dropped: Set<String> = HTMLNode.invisible.union([
        "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "menu", "dialog", "img", "hr", "br",
    ])
    static let swallowing: Set<String> = [
        "embed", "object", "svg", "math", "iframe", "noscript", "form", "button", "select", "textarea", "menu", "dialog",
    ]
    static let containers: Set<String> = [
        "html", "body", "div", "section", "article", "main", "blockquote", "figure", "center", "font", "span", "body",
    ]
    private static let boilerplateWords: [StaticString] = [
        "sidebar", "related", "comment", "footer", "breadcrumb", "share", "social", "advert", "newsletter", "cookie", "widget", "table-of-contents",
        "subscribe",
    ]
    private static let boilerplateTokens: [StaticString] = ["nav", "navbar", "menu", "toc", "ad", "ads", "promo", "banner"]

    /// A reader with nothing read yet.
    init() {}

    /// The blocks of a page. `streamed` holds what was read while the page was parsed; it is used
    /// when it covers the main content, otherwise a long page's main content is read as two halves
    /// on two cores.
    static func read(root: HTMLNode, streamed: inout Streamed?, parallelAbove threshold: Int = 256)
        -> (blocks: [ContentBlock], skipped: [SkippedLine])
    {
        let content = contentNode(under: root)
        if streamed != nil, let read = streamed!.take(childrenOf: content) { return read }
        let children = Array(content.children)
        guard children.count > threshold else {
            var whole = BlockReader()
            whole.read(children)
            return (whole.blocks, whole.skipped)
        }
        let middle = children.count / 2
        let (first, second) = TwoHalves.run { half in
            var reader = BlockReader()
            reader.read(half == 0 ? children[..<middle] : children[middle...])
            return reader
        }
        return (first.blocks + second.blocks, first.skipped + second.skipped)
    }

    /// The blocks of a page, read after it was parsed.
    static func read(root: HTMLNode, parallelAbove threshold: Int = 256) -> (blocks: [ContentBlock], skipped: [SkippedLine]) {
        var none: Streamed?
        return read(root: root, streamed: &none, parallelAbove: threshold)
    }

    /// The node whose children are read: where the main content fans out.
    static func contentNode(under root: HTMLNode) -> HTMLNode {
        spine(from: mainContent(under: root))
    }

    /// Where a page's content fans out: reading a node whose only content is one container element
    /// is reading that element, so the walk goes down until a node has several children to share out.
    private static func spine(from node: HTMLNode) -> HTMLNode {
        var node = node
        while true {
            var only: HTMLNode?
            for child in node.children {
                if child.isText {
                    if TextNormaliser.hasVisibleText(child) { return node }
                } else if child.isElement {
                    guard only == nil else { return node }
                    only = child
                }
            }
            guard let next = only, readsInto(next) else { return node }
            node = next
        }
    }

    /// True when `read` goes into this element's children rather than taking it as a block or dropping it.
    private static func readsInto(_ element: HTMLNode) -> Bool {
        let traits = element.traits
        guard !traits.flags.contains(.outsideContent), classify(element) == .content else { return false }
        if let kind = traits.blockKind, kind != .paragraph || !element.containsBlocks { return false }
        return traits.flags.contains(.container) || !hasDirectText(element) || element.containsBlocks
    }

    /// The `<article>`, `<main>` or `role=main` element holding most text, or the whole page.
    static func mainContent(under root: HTMLNode) -> HTMLNode {
        var best: (node: HTMLNode, length: Int)?
        func visit(_ node: HTMLNode) {
            for child in node.elementChildren where !child.traits.flags.contains(.outsideContent) {
                if child.name == "article" || child.name == "main" || child.attribute("role") == "main" {
                    let length = child.textByteCount
                    if length > (best?.length ?? 0) { best = (child, length) }
                } else {
                    visit(child)
                }
            }
        }
        visit(root)
        return best?.node ?? root
    }

    /// Reads these nodes as siblings in the page's content, adding their blocks and skipped lines.
    /// What a node gives depends on it and what is below it only.
    /// `wrappers` are the answer tags of the phrasing elements read through to get here. They stay on
    /// the text and phrasing elements only until the first block: an unclosed `<em>` emphasises the
    /// rest of its line, not the paragraphs libxml2 nests inside it after that.
    mutating func read(_ children: some Sequence<HTMLNode>, inside wrappers: [String] = []) {
        var active = wrappers
        for child in children {
            if child.isText {
                let text = child.normalisedText
                if !text.isEmpty { blocks.append(ContentBlock(kind: .other, node: child, text: text, wrappers: active)) }
                continue
            }
            guard child.isElement else { continue }
            let traits = child.traits
            if traits.flags.contains(.outsideContent) {
                // libxml2's HTML 4 parser lets an unclosed <embed>, <object> or <svg> swallow the rest of
                // the page; the element itself stays out, but the content it swallowed is read.
                if traits.flags.contains(.swallowing) && child.containsBlocks {
                    read(child.children)
                    active = []
                }
                continue
            }
            switch Self.classify(child) {
            case .content: break
            case .boilerplate: continue
            case .proTip:
                skipped.append(SkippedLine(text: child.normalisedText, reason: "a \"Pro Tip\" aside, not a question"))
                continue
            }
            if let kind = traits.blockKind, kind != .paragraph || !child.containsBlocks {
                let text = child.normalisedText
                if isProTip(text) {
                    skipped.append(SkippedLine(text: text, reason: "a tip for candidates, not a question"))
                } else if !text.isEmpty {
                    blocks.append(ContentBlock(kind: kind, node: child, text: text))
                }
                active = []
            } else if traits.flags.contains(.container) || !Self.hasDirectText(child) || child.containsBlocks {
                let inline = traits.flags.contains(.inline)
                if let tag = traits.answerTag, inline, AnswerSanitiser.formatting.contains(tag) {
                    read(child.children, inside: active + [tag])
                } else {
                    read(child.children, inside: inline ? active : [])
                }
                if !inline || child.containsBlocks { active = [] }
            } else {
                let text = child.normalisedText
                if !text.isEmpty { blocks.append(ContentBlock(kind: .paragraph, node: child, text: text, wrappers: active)) }
                if !traits.flags.contains(.inline) { active = [] }
            }
        }
    }

    /// Hands over what was read, leaving the reader empty.
    mutating func takeAll() -> (blocks: [ContentBlock], skipped: [SkippedLine]) {
        // Swapped out, so the caller holds the only reference and can cut them without a copy.
        var taken: (blocks: [ContentBlock], skipped: [SkippedLine]) = ([], [])
        swap(&taken.blocks, &blocks)
        swap(&taken.skipped, &skipped)
        return taken
    }

    /// Works out ahead how the blocks from `start` on read as answer HTML, into `pieces`, so that
    /// joining an answer later is copying. Headings are left alone: they never become answers.
    /// `scratch` is reused from block to block.
    mutating func sanitiseAhead(from start: Int, into pieces: AnswerPieces, scratch: inout HTMLBytes) {
        for index in start..<blocks.count where !blocks[index].isHeading {
            scratch.removeAll()
            AnswerSanitiser.append(blocks[index], to: &scratch)
            blocks[index].piece = pieces.append(scratch.bytes).map { AnswerPiece(pieces: pieces, range: $0) }
        }
    }

    /// Reads ahead the facts the extractor will ask of the blocks from `start` on, when all of them
    /// can be read without their node's text later; true then, false (and nothing read) otherwise.
    mutating func readFactsAhead(from start: Int) -> Bool {
        guard blocks[start...].allSatisfy(\.keepsWhatIsAsked) else { return false }
        for index in start..<blocks.count { blocks[index].readFactsAhead() }
        return true
    }

    /// What an element's class and id say it is.
    private enum Marks { case content, boilerplate, proTip }

    /// Reads only the element's attributes, so it can be asked as soon as the element opens.
    private static func classify(_ node: HTMLNode) -> Marks {
        let classes = node.attributeBytes("class"), id = node.attributeBytes("id")
        guard classes != nil || id != nil else { return .content }
        var marks = [UInt8]()
        marks.reserveCapacity((classes?.count ?? 0) + (id?.count ?? 0) + 1)
        for byte in classes ?? UnsafeBufferPointer(start: nil, count: 0) { marks.append(TextScan.lower(byte)) }
        marks.append(0x20)
        for byte in id ?? UnsafeBufferPointer(start: nil, count: 0) { marks.append(TextScan.lower(byte)) }
        return marks.withUnsafeBufferPointer { marks in
            if TextScan.contains(marks, ignoringCase: "pro-tip") || TextScan.contains(marks, ignoringCase: "protip") { return .proTip }
            if boilerplateWords.contains(where: { TextScan.contains(marks, ignoringCase: $0) }) { return .boilerplate }
            let tokenSaysSo = marks.split(whereSeparator: { $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }).contains { token in
                boilerplateTokens.contains {
                    $0.utf8CodeUnitCount == token.count && TextScan.contains(UnsafeBufferPointer(rebasing: token), ignoringCase: $0)
                }
            }
            return tokenSaysSo ? .boilerplate : .content
        }
    }

    /// True when reading this element is certainly reading its children, whatever they turn out to
    /// be: a container that is not boilerplate. Decided from its name and attributes alone, so it
    /// can be asked as soon as the element opens.
    static func readsThrough(_ element: HTMLNode) -> Bool {
        let traits = element.traits
        return traits.flags.contains(.container) && !traits.flags.contains(.outsideContent) && traits.blockKind == nil
            && classify(element) == .content
    }

    private func isProTip(_ text: String) -> Bool {
        TextScan.hasPrefix(text, ignoringCase: "pro tip") || TextScan.hasPrefix(text, ignoringCase: "protip")
            || TextScan.hasPrefix(text, ignoringCase: "pro-tip")
    }

    static func blockKind(_ name: String) -> ContentBlock.Kind? {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": .heading(level: Int(String(name.last!))!)
        case "p": .paragraph
        case "ul": .list(ordered: false)
        case "ol": .list(ordered: true)
        case "table": .table
        case "details": .details
        case "dl": .definitionList
        case "pre": .preformatted
        case "li", "dt", "dd", "summary", "caption": .paragraph
        default: nil
        }
    }

    /// True when the element holds text of its own, not only inside child elements.
    private static func hasDirectText(_ node: HTMLNode) -> Bool {
        node.children.contains { $0.isText && TextNormaliser.hasVisibleText($0) }
    }
}

extension String {
    /// Trimmed, with inner runs of white space collapsed too (`TextNormaliser`'s rules).
    func collapsingWhitespace() -> String {
        TextNormaliser.normalise(self)
    }
}
