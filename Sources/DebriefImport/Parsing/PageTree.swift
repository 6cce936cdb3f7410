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

    /// An attribute: its interned name and where its value's bytes are in the attribute text (a NUL follows).
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
        /// Attribute values, apart from the text so that text can be released while they are still asked for.
        let attributeText: UnsafeMutablePointer<UInt8>
        let names: UnsafeMutablePointer<String>
        /// What the importer knows of each name, by name id.
        let traits: UnsafeMutablePointer<ElementTraits>
        /// What of `text` was released while the page was parsed, unretained (the tree keeps it).
        private let releasedRecord: Unmanaged<ReleasedText>?

        init(
            nodes: UnsafeMutablePointer<Node>, text: UnsafeMutablePointer<UInt8>, attributes: UnsafeMutablePointer<Attribute>,
            attributeText: UnsafeMutablePointer<UInt8>, names: UnsafeMutablePointer<String>, traits: UnsafeMutablePointer<ElementTraits>,
            released: ReleasedText?
        ) {
            (self.nodes, self.text, self.attributes) = (nodes, text, attributes)
            (self.attributeText, self.names, self.traits) = (attributeText, names, traits)
            releasedRecord = released.map { Unmanaged.passUnretained($0) }
        }

        /// What of `text` was released while the page was parsed; nil when nothing may be.
        var released: ReleasedText? { releasedRecord?.takeUnretainedValue() }

        /// True unless some of the `count` bytes of text at `offset` were released. Asked on every
        /// read of a text node, so without retaining the record.
        func textHeld(offset: Int, count: Int) -> Bool {
            releasedRecord?._withUnsafeGuaranteedRef { $0.holds(offset: offset, count: count) } ?? true
        }
    }

    /// True when the page nested elements deeper than `PageTreeBuilder.maximumDepth`.
    let cutNesting: Bool

    /// The storage of the finished tree.
    private let storage: UnsafeMutablePointer<Storage>
    /// Every storage record handed out while building, the final one included.
    private let storages: [UnsafeMutablePointer<Storage>]
    private let buffers: (GrowableBuffer<Node>, GrowableBuffer<UInt8>, GrowableBuffer<Attribute>, GrowableBuffer<UInt8>)
    private let names: NameTable
    /// What of the text was released while the page was parsed (nil when nothing could be).
    let released: ReleasedText?
    /// The text of the page's first `<title>`, normalised, when the builder saw one.
    private let capturedTitle: String?

    /// Takes over a builder's buffers; `storages` are the records made while building, the last of
    /// which describes the buffers as they are now.
    init(
        nodes: GrowableBuffer<Node>, text: GrowableBuffer<UInt8>, attributes: GrowableBuffer<Attribute>, attributeText: GrowableBuffer<UInt8>,
        names: NameTable, storages: [UnsafeMutablePointer<Storage>], cutNesting: Bool, released: ReleasedText?, title: String?
    ) {
        buffers = (nodes, text, attributes, attributeText)
        self.released = released
        capturedTitle = title
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
        buffers.3.deallocate()
        names.deallocate()
    }

    /// The node at `index`; valid while this tree lives.
    func node(_ index: Int32) -> HTMLNode { HTMLNode(storage: UnsafePointer(storage), index: index) }

    /// The document's first element (`<html>`), or nil for a page with no elements.
    var root: HTMLNode? { node(0).elementChildren.first { _ in true } }

    /// The text of the page's first `<title>`, normalised, or nil. Read by the builder when the
    /// title closed, since the page's text may be released by the time anyone asks.
    var title: String? { capturedTitle }

    /// True when something read text of this tree after it was released: what was made of the tree
    /// is not to be trusted, and the page must be read again without releasing (see `ReleasedText`).
    var textWasReadAfterRelease: Bool { released?.wasReadAfterRelease ?? false }
}
