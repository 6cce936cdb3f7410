import Foundation

/// Rewrites imported HTML into the small safe subset Debrief stores and renders: paragraphs,
/// lists, code, emphasis, tables and links to http(s) only. No script, style, iframe, event
/// handler, inline style or `javascript:` URL survives; every attribute but `href` and `start` is dropped.
enum AnswerSanitiser {
    static let kept: [String: String] = [
        "p": "p", "ul": "ul", "ol": "ol", "li": "li", "pre": "pre", "code": "code", "em": "em", "i": "em", "strong": "strong", "b": "strong",
        "blockquote": "blockquote", "dl": "dl", "dt": "dt", "dd": "dd", "table": "table", "thead": "thead", "tbody": "tbody", "tr": "tr",
        "th": "th", "td": "td", "a": "a", "br": "br", "kbd": "code", "samp": "code", "tt": "code", "sub": "sub", "sup": "sup",
        "h1": "p", "h2": "p", "h3": "p", "h4": "p", "h5": "p", "h6": "p",
    ]
    static let dropped: Set<String> = HTMLNode.invisible.union([
        "form", "input", "button", "select", "textarea", "nav", "aside", "footer", "img", "video", "audio", "source", "link", "meta", "base", "frame",
        "frameset", "applet",
    ])

    /// Phrasing tags that carry meaning over text, kept around the text an unclosed one swallowed.
    static let formatting: Set<String> = ["em", "strong", "code", "sub", "sup"]

    /// The blocks as one sanitised HTML fragment, or nil when nothing is left. Text and phrasing
    /// elements that follow each other on the page are one paragraph, with the spaces between them.
    static func html(of blocks: [ContentBlock]) -> String? {
        if let joined = joinedAhead(blocks) { return joined.isEmpty ? nil : joined }
        var html = HTMLBytes()
        var index = 0
        while index < blocks.count {
            let end = InlineRun.end(of: blocks, from: index)
            if end > index + 1 || (end == index + 1 && !blocks[index].node.isText) {
                InlineRun.appendParagraph(blocks[index..<end], to: &html)
                index = end
                continue
            }
            let block = blocks[index]
            if let piece = block.piece { html.append(contentsOf: piece.pieces.bytes(piece.range)) } else { append(block, to: &html) }
            index += 1
        }
        strippingAnswerLabel(&html)
        return html.bytes.isEmpty ? nil : html.string
    }

    /// The answer as the fragments worked out ahead, joined as Strings (no bytes decoded again),
    /// when every block has one, none runs on into the next as one paragraph, and the answer does
    /// not open with a bold label to drop; otherwise nil, and `html(of:)` takes the careful path.
    private static func joinedAhead(_ blocks: [ContentBlock]) -> String? {
        guard let pieces = blocks.first?.piece?.pieces else { return blocks.isEmpty ? "" : nil }
        for index in blocks.indices {
            let end = InlineRun.end(of: blocks, from: index)
            guard let piece = blocks[index].piece, piece.pieces === pieces, end == index || (end == index + 1 && blocks[index].node.isText)
            else { return nil }
        }
        // Looked at before joining: most answers that open with a label open every answer on the page with it.
        if opensBold(blocks.lazy.map { pieces.bytes($0.piece!.range) }) { return nil }
        return pieces.string(of: blocks.lazy.map { $0.piece!.range })
    }

    /// How an answer that opens with a bold label ("Answer:") starts once sanitised.
    private static let labelOpening = "<p><strong>".utf8

    /// True when the fragments, joined, would start with `labelOpening`.
    private static func opensBold(_ fragments: some Sequence<UnsafeBufferPointer<UInt8>>) -> Bool {
        let opening = labelOpening
        var matched = opening.startIndex
        for fragment in fragments {
            for byte in fragment {
                guard byte == opening[matched] else { return false }
                matched = opening.index(after: matched)
                if matched == opening.endIndex { return true }
            }
        }
        return false
    }

    /// Appends one block as it is written into an answer (`html(of:)` joins these, then drops an "Answer:" label).
    static func append(_ block: ContentBlock, to html: inout HTMLBytes) {
        if block.node.isText {
            let text = block.node.normalisedText
            if !text.isEmpty {
                html.append("<p>")
                open(block.wrappers, in: &html)
                html.appendEscaped(text)
                close(block.wrappers, in: &html)
                html.append("</p>")
            }
        } else {
            appendWrapped(block, to: &html)
        }
    }

    /// An element block inside the emphasis it was read through.
    static func appendWrapped(_ block: ContentBlock, to html: inout HTMLBytes) {
        open(block.wrappers, in: &html)
        append(block.node, to: &html)
        close(block.wrappers, in: &html)
    }

    static func open(_ tags: [String], in html: inout HTMLBytes) {
        for tag in tags {
            html.append("<")
            html.append(tag)
            html.append(">")
        }
    }

    static func close(_ tags: [String], in html: inout HTMLBytes) {
        for tag in tags.reversed() {
            html.append("</")
            html.append(tag)
            html.append(">")
        }
    }

    /// One element (and what is below it) as sanitised HTML.
    static func html(of node: HTMLNode) -> String {
        var html = HTMLBytes()
        append(node, to: &html)
        return html.string
    }

    /// Appends one node (and what is below it) as sanitised HTML.
    static func append(_ node: HTMLNode, to html: inout HTMLBytes) {
        if node.isText {
            html.appendCollapsedText(node)
            return
        }
        guard node.isElement else { return }
        let name = node.name
        let traits = node.traits
        guard !traits.flags.contains(.unsafeInAnswers) else { return }
        guard let tag = traits.answerTag else {
            node.children.forEach { append($0, to: &html) }
            return
        }
        if tag == "br" {
            html.append("<br>")
            return
        }
        if name == "pre" {
            html.append("<pre><code>")
            html.appendEscaped(node.rawText.precomposedStringWithCanonicalMapping)
            html.append("</code></pre>")
            return
        }
        html.append("<")
        html.append(tag)
        if tag == "a" {
            guard let href = safeLink(node.attribute("href")) else {
                html.removeLast(2)  // a link we do not keep leaves its text behind
                node.children.forEach { append($0, to: &html) }
                return
            }
            html.append(" href=\"")
            html.appendEscaped(href)
            html.append("\" rel=\"nofollow noopener noreferrer\"")
        }
        if tag == "ol", let start = node.attribute("start").flatMap({ Int($0.collapsingWhitespace()) }) {
            html.append(" start=\"\(start)\"")
        }
        html.append(">")
        let heading = tag == "p" && name.first == "h"
        if heading { html.append("<strong>") }
        node.children.forEach { append($0, to: &html) }
        if heading { html.append("</strong>") }
        html.append("</")
        html.append(tag)
        html.append(">")
    }

    /// Only absolute http and https links are kept; anything else (javascript:, data:, relative) is dropped.
    static func safeLink(_ href: String?) -> String? {
        guard let href = href?.collapsingWhitespace() else { return nil }
        if let plain = LinkCheck.plainWebLink(href) { return plain ? href : nil }
        guard let url = URL(string: href), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return href
    }

    /// Drops a leading "Answer:" label, which pages put before the model answer.
    private static func strippingAnswerLabel(_ html: inout HTMLBytes) {
        let open = labelOpening, close = Array("</strong>".utf8)
        guard html.bytes.starts(with: open) else { return }
        let afterOpen = open.count
        let window = html.bytes[afterOpen..<min(html.bytes.count, afterOpen + 24)]
        guard let end = window.indices.first(where: { html.bytes[$0...].starts(with: close) }) else { return }
        let label = String(decoding: html.bytes[afterOpen..<end], as: UTF8.self).collapsingWhitespace().lowercased()
        guard ["answer:", "answer", "ans:", "a:"].contains(label) else { return }
        var restStart = end + close.count
        while restStart < html.bytes.count, html.bytes[restStart] == 0x20 || html.bytes[restStart] == UInt8(ascii: ":") { restStart += 1 }
        html.removeSubrange(3..<restStart)
    }
}
