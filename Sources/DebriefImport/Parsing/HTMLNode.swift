import Foundation

/// A non-owning view of one node of a `PageTree`; valid while the tree lives. Two plain words, so
/// making and passing nodes costs no allocation and no reference counting.
///
/// Sendable because a finished part of a tree never changes: threads may read one page at once (a
/// long page's halves are read on two cores, and finished parts while the rest is parsed), as long
/// as the tree outlives them. A node reads only its own fields and those of nodes below it, one
/// field at a time: the parser may still be linking its next sibling.
struct HTMLNode: @unchecked Sendable {
    let storage: UnsafePointer<PageTree.Storage>
    let index: Int32

    private var nameID: Int32 { storage.pointee.nodes[Int(index)].nameID }
    private var start: Int32 { storage.pointee.nodes[Int(index)].start }
    private var length: Int32 { storage.pointee.nodes[Int(index)].length }
    private var firstChild: Int32 { storage.pointee.nodes[Int(index)].firstChild }
    private var lastChild: Int32 { storage.pointee.nodes[Int(index)].lastChild }

    var isElement: Bool { nameID >= 0 }
    var isText: Bool { nameID == -1 }

    /// The element's tag name in lower case ("" for other nodes); the HTML parser lower-cases names.
    var name: String {
        let id = nameID
        return id >= 0 ? storage.pointee.names[Int(id)] : ""
    }

    /// What the importer knows of this element's name (`.none` for text).
    var traits: ElementTraits {
        let id = nameID
        return id >= 0 ? storage.pointee.traits[Int(id)] : .none
    }

    /// The node's own text, for text nodes.
    var content: String {
        guard isText else { return "" }
        return String(decoding: UnsafeBufferPointer(start: textPointer, count: Int(length)), as: UTF8.self)
    }

    /// The text node's own bytes (UTF-8, NUL-terminated), or nil for other nodes.
    /// Reading bytes the tree released is noted there (`ReleasedText`): the import is then redone.
    var textPointer: UnsafePointer<UInt8>? {
        guard isText else { return nil }
        if !storage.pointee.textHeld(offset: Int(start), count: Int(length) + 1) { storage.pointee.released?.noteReadAfterRelease() }
        return UnsafePointer(storage.pointee.text + Int(start))
    }

    /// The same node of the same tree.
    func isSame(as other: HTMLNode) -> Bool { index == other.index && storage == other.storage }

    /// The element children and text children in order, walked in place without building an array.
    var children: Children { Children(storage: storage, upcoming: firstChild) }

    var elementChildren: LazyFilterSequence<Children> { children.lazy.filter(\.isElement) }

    /// The node after this one among its parent's children. Only for a finished tree: while parsing,
    /// the parser may still be linking it.
    var nextSibling: HTMLNode? { node(at: storage.pointee.nodes[Int(index)].next) }
    /// The element this node sits in (nil for the root).
    var parent: HTMLNode? { node(at: storage.pointee.nodes[Int(index)].parent) }
    var firstChildNode: HTMLNode? { node(at: firstChild) }

    private func node(at index: Int32) -> HTMLNode? {
        index >= 0 ? HTMLNode(storage: storage, index: index) : nil
    }

    /// The children of a node, following the tree's sibling links.
    struct Children: Sequence, IteratorProtocol {
        let storage: UnsafePointer<PageTree.Storage>
        var upcoming: Int32

        mutating func next() -> HTMLNode? {
            guard upcoming >= 0 else { return nil }
            let node = HTMLNode(storage: storage, index: upcoming)
            upcoming = storage.pointee.nodes[Int(upcoming)].next
            return node
        }
    }

    /// The number of bytes of text below this node, without building the text.
    var textByteCount: Int {
        if isText { return Int(length) }
        guard isElement, !traits.flags.contains(.invisible) else { return 0 }
        return children.reduce(0) { $0 + $1.textByteCount }
    }

    /// The value of an attribute, or nil.
    func attribute(_ name: String) -> String? {
        attributeBytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of an attribute's value (NUL-terminated after them), or nil; allocates nothing.
    func attributeBytes(_ name: String) -> UnsafeBufferPointer<UInt8>? {
        let count = length
        guard nameID >= 0, count > 0 else { return nil }
        let tree = storage.pointee, first = Int(start)
        for offset in 0..<Int(count) {
            let attribute = tree.attributes[first + offset]
            if tree.names[Int(attribute.nameID)] == name {
                return UnsafeBufferPointer(start: tree.attributeText + Int(attribute.valueStart), count: Int(attribute.valueLength))
            }
        }
        return nil
    }

    /// All text below this node, in document order, leaving out scripts, styles and comments.
    var rawText: String {
        String(decoding: textBytes(), as: UTF8.self)
    }

    /// `rawText` for the tree's builder, which reads text it has not handed to the reader yet: no
    /// note of released text is looked up, since the reader may be adding one on its own thread.
    var rawTextWhileBuilding: String {
        String(decoding: textBytes(notingReleased: false), as: UTF8.self)
    }

    /// `rawText`, normalised by `TextNormaliser`, without building the raw string first.
    var normalisedText: String {
        // Most blocks are an element around one run of text: normalise it where it lies.
        if let text = textPointer {
            return TextNormaliser.normalise(bytes: UnsafeBufferPointer(start: text, count: Int(length)))
        }
        let first = firstChild
        if first >= 0, first == lastChild, !traits.flags.contains(.invisible) {
            let child = HTMLNode(storage: storage, index: first)
            if let text = child.textPointer {
                return TextNormaliser.normalise(bytes: UnsafeBufferPointer(start: text, count: child.textByteCount))
            }
        }
        return textBytes().withUnsafeBufferPointer { TextNormaliser.normalise(bytes: $0) }
    }

    private func textBytes(notingReleased: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = []
        if isText {
            appendBytes(to: &bytes, notingReleased: notingReleased)
        } else {
            for child in children { child.appendBytes(to: &bytes, notingReleased: notingReleased) }
        }
        return bytes
    }

    private func appendBytes(to bytes: inout [UInt8], notingReleased: Bool) {
        if isText {
            let start = notingReleased ? textPointer : UnsafePointer(storage.pointee.text + Int(self.start))
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: Int(length)))
            return
        }
        guard isElement else { return }
        guard !traits.flags.contains(.invisible) else { return }
        if name == "br" { bytes.append(0x0A) }
        for child in children { child.appendBytes(to: &bytes, notingReleased: notingReleased) }
    }

    /// True when a heading, paragraph, list, table or other block sits anywhere below this node,
    /// as happens when an unclosed inline tag swallows the rest of a page.
    var containsBlocks: Bool {
        children.contains { $0.isElement && ($0.traits.flags.contains(.block) || $0.containsBlocks) }
    }

    static let blockNames: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "details", "dl", "pre", "div", "section", "article", "blockquote",
    ]

    /// Phrasing elements: they sit inside a line of text, so an answer keeps them inside its paragraph.
    static let inlineNames: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "q", "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    ]

    /// Elements whose text is never content.
    static let invisible: Set<String> = ["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math"]
}
