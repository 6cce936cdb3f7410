/// A run of text and phrasing elements that follow each other on the page: one line of prose,
/// split into blocks only because an element (`<em>`, `<code>`, …) sits in it. An answer writes the
/// run as one paragraph, keeping the spaces between its parts and each part's emphasis.
enum InlineRun {
    /// The end of the run starting at `start` (`start` itself when that block is not inline).
    static func end(of blocks: [ContentBlock], from start: Int) -> Int {
        guard blocks[start].isInline else { return start }
        var end = start + 1
        while end < blocks.count, blocks[end].isInline, follows(blocks[end].node, blocks[end - 1].node) { end += 1 }
        return end
    }

    /// True when `next` is the first text after `node` on the page, stepping into and out of the
    /// phrasing elements around them (text, then `<em>`'s first text, then the text after it).
    static func follows(_ next: HTMLNode, _ node: HTMLNode) -> Bool {
        var current = node
        while true {
            if let sibling = current.nextSibling {
                var candidate = sibling
                while true {
                    if candidate.isSame(as: next) { return true }
                    guard candidate.isElement, candidate.traits.flags.contains(.inline), let first = candidate.firstChildNode else { return false }
                    candidate = first
                }
            }
            guard let parent = current.parent, parent.isElement, parent.traits.flags.contains(.inline) else { return false }
            current = parent
        }
    }

    /// Writes the run as one `<p>`: its parts with the white space between them, trimmed at both ends.
    static func appendParagraph(_ run: ArraySlice<ContentBlock>, to html: inout HTMLBytes) {
        let mark = html.bytes.count
        html.append("<p>")
        let contentStart = html.bytes.count
        for block in run { AnswerSanitiser.appendWrapped(block, to: &html) }
        trimSpaces(in: &html, from: contentStart)
        if html.bytes.count == contentStart {
            html.removeSubrange(mark..<html.bytes.count)
        } else {
            html.append("</p>")
        }
    }

    /// Drops spaces right after the paragraph opens and right before it closes.
    private static func trimSpaces(in html: inout HTMLBytes, from start: Int) {
        while html.bytes.count > start, html.bytes[html.bytes.count - 1] == 0x20 { html.removeLast(1) }
        var end = start
        while end < html.bytes.count, html.bytes[end] == 0x20 { end += 1 }
        if end > start { html.removeSubrange(start..<end) }
    }
}
