/// Links to anchors on the same page (`href="#..."`): a table of contents, "⬆ Back to Top" between
/// questions. Such a block is navigation, never a question or a section of its own.
enum InPageNavigation {
    /// True when every letter and digit of `node`'s visible text lies inside in-page links (arrows,
    /// emoji and punctuation around them are allowed), and there is at least one such link.
    static func isOnlyInPageLinks(_ node: HTMLNode) -> Bool {
        var links = 0
        var outside = false
        walk(node, links: &links, outside: &outside)
        return links > 0 && !outside
    }

    /// A table whose rows are in-page links, sometimes with a number column: a table of contents.
    /// Returns how many entries it lists, or nil when it is not one.
    static func tableOfContentsEntries(_ table: HTMLNode) -> Int? {
        let filled = TableQuestions.rowElements(of: table).filter { !$0.normalisedText.isEmpty }
        let linked = filled.filter(isOnlyInPageLinks)
        // A header row ("#", "Question") has no links; every other row must be one.
        guard linked.count >= 2, linked.count + 1 >= filled.count else { return nil }
        return linked.count
    }

    private static func walk(_ node: HTMLNode, links: inout Int, outside: inout Bool) {
        for child in node.children where !outside {
            if child.isText {
                // Decided from the bytes wherever they are ASCII: no string is made for a paragraph of prose.
                let bytes = UnsafeBufferPointer(start: child.textPointer, count: child.textByteCount)
                if bytes.contains(where: TextScan.isLetter) {
                    outside = true
                } else if TextScan.hasNonASCII(UnsafeRawBufferPointer(bytes)) {
                    let text = child.content
                    if text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                        outside = true
                    } else if text.unicodeScalars.contains(where: { $0.properties.numericType != nil }), !isEntryNumber(text) {
                        outside = true
                    }
                } else if bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), !isEntryNumber(child.content) {
                    // Numbers in a table of contents' number column sit outside its links.
                    outside = true
                }
            } else if child.isElement, !child.traits.flags.contains(.invisible) {
                if child.name == "a", let href = child.attribute("href"), href.hasPrefix("#"), href.count > 1 {
                    links += 1
                } else {
                    walk(child, links: &links, outside: &outside)
                }
            }
        }
    }

    /// "12", "12.", "(12)": the number column of a table of contents.
    private static func isEntryNumber(_ text: String) -> Bool {
        let trimmed = text.filter { !$0.isWhitespace && !"().:#-|".contains($0) }
        return !trimmed.isEmpty && trimmed.allSatisfy(\.isNumber)
    }

}
