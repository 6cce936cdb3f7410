/// A parsed page as Debrief walks it: every element and text node in one flat block of memory,
/// built straight from libxml2's parse events (`PageTreeBuilder`).
///
/// libxml2's own tree costs a malloc per node and per string and a walk of pointers; this one is a
/// few large arrays, so walking it allocates nothing and the whole page is freed at once.
final class PageTree {
    /// One element or text node. Links are indexes into the node array; -1 is "none".
    struct Node {
        /// The element's interned name; -1 for text.
        var nameID: Int32
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var next: Int32 = -1
        /// Text: where its bytes start in the text buffer. Element: its first attribute's index.
        var start: Int32
        /// Text: its byte count (a NUL follows). Element: its number of attributes.
        var length: Int32
    }

    /// An attribute: its interned name and where its value's bytes are (a NUL follows).
    struct Attribute {
        var nameID: Int32
        var valueStart: Int32
        var valueLength: Int32
    }

    /// Where a tree's nodes, text, attributes and names lie; nodes point to one of these. A tree
    /// being read while it is built has one per growth of its buffers: each stays valid, and shows
    /// every node finished before it was made, until the tree is freed.
    struct Storage {
        let nodes: UnsafeMutablePointer<Node>
        let text: UnsafeMutablePointer<UInt8>
        let attributes: UnsafeMutablePointer<Attribute>
        let names: UnsafeMutablePointer<String>
        /// What the importer knows of each name, by name id.
        let traits: UnsafeMutablePointer<ElementTraits>
    }

    /// True when the page nested elements deeper than `PageTreeBuilder.maximumDepth`.
    let cutNesting: Bool

    /// The storage of the finished tree.
    private let storage: UnsafeMutablePointer<Storage>
    /// Every storage record handed out while building, the final one included.
    private let storages: [UnsafeMutablePointer<Storage>]
    private let buffers: (GrowableBuffer<Node>, GrowableBuffer<UInt8>, GrowableBuffer<Attribute>)
    private let names: NameTable

    /// Takes over a builder's buffers; `storages` are the records made while building, the last of
    /// which describes the buffers as they are now.
    init(nodes: GrowableBuffer<Node>, text: GrowableBuffer<UInt8>, attributes: GrowableBuffer<Attribute>, names: NameTable,
         storages: [UnsafeMutablePointer<Storage>], cutNesting: Bool) {
        buffers = (nodes, text, attributes)
        self.cutNesting = cutNesting
        self.names = names
        self.storages = storages
        storage = storages[storages.count - 1]
    }

    deinit {
        storages.forEach { $0.deinitialize(count: 1).deallocate() }
        buffers.0.deallocate()
        buffers.1.deallocate()
        buffers.2.deallocate()
        names.deallocate()
    }

    /// The node at `index`; valid while this tree lives.
    func node(_ index: Int32) -> HTMLNode { HTMLNode(storage: UnsafePointer(storage), index: index) }

    /// The document's first element (`<html>`), or nil for a page with no elements.
    var root: HTMLNode? { node(0).elementChildren.first { _ in true } }

    /// The text of the page's first `<title>`, normalised, or nil.
    var title: String? {
        guard let root, let title = Self.firstElement(named: "title", under: root) else { return nil }
        let text = TextNormaliser.normalise(title.rawText)
        return text.isEmpty ? nil : text
    }

    private static func firstElement(named name: String, under node: HTMLNode) -> HTMLNode? {
        for child in node.elementChildren {
            if child.name == name { return child }
            if let found = firstElement(named: name, under: child) { return found }
        }
        return nil
    }
}
