/// Builds a `PageTree` from parse events, as libxml2's own tree builder would: elements nest as
/// opened and closed, adjacent text runs merge into one text node, and text outside any element
/// is dropped. Node 0 is the document.
///
/// With a `SubtreeStream`, finished parts of the page are handed to a reader on another thread
/// while the rest is parsed: from the top of the page down, elements the stream's `readsThrough`
/// accepts are announced as opened and closed, and every other finished node below them is passed
/// whole. Buffers the tree outgrows then stay valid until the tree is freed.
///
/// A struct that the SAX parser reaches through a pointer: a class would cost a reference count
/// and an exclusivity check on every one of the page's million events.
struct PageTreeBuilder {
    private var nodes: GrowableBuffer<PageTree.Node>
    private var text: GrowableBuffer<UInt8>
    private var attributes: GrowableBuffer<PageTree.Attribute>
    private var attributeText: GrowableBuffer<UInt8>
    private var names: NameTable
    private var nameIDsByPointer: [UnsafeRawPointer: Int32] = [:]
    /// A direct-mapped cache in front of `nameIDsByPointer`: tags repeat, so most look-ups end here.
    private var recentNames = [(UnsafeRawPointer?, Int32)](repeating: (nil, 0), count: 256)
    private var nameIDsByText: [String: Int32] = [:]
    /// The element being filled (0: the document).
    private var current: Int32 = 0
    /// True while the current element's last child is a text node whose bytes end the text buffer.
    private var textRunOpen = false

    private let stream: SubtreeStream?
    /// Where the stream's reader records the text it released; made with the stream.
    private let released: ReleasedText?
    /// The name id of `title` once the page used it, and the first `<title>` element (-1: none yet).
    private var titleNameID: Int32 = -1
    private var titleIndex: Int32 = -1
    /// True until the first top-level element closes: a `<title>` is looked for inside it only.
    private var lookingForTitle = true
    private var title: String?
    /// Storage records handed out so far; the last describes the buffers as they are now, or did
    /// before they last grew.
    private var storages: [UnsafeMutablePointer<PageTree.Storage>] = []
    /// How many elements are open (the document not counted).
    private var depth: Int32 = 0
    /// The depth of the outermost open element the stream's `readsThrough` refused; `.max` when none.
    private var refusedDepth: Int32 = .max
    /// How deep elements nest in the tree at most. A hostile page of 100,000 nested `<div>`s would
    /// otherwise make every walk of the tree that deep; tags below this depth are left out and
    /// their text joins the element at the limit. Real pages nest a few dozen deep.
    static let maximumDepth: Int32 = 256
    /// Elements opened below `maximumDepth` and not yet closed: they are not in the tree.
    private var flattened: Int32 = 0
    /// True once any element was left out for nesting too deep.
    private(set) var cutNesting = false

    init(expectedBytes: Int, stream: SubtreeStream? = nil) {
        // Generous: memory never written is only reserved, not used, and a buffer that grows while
        // a reader holds it keeps its old block too. The 30 MB bench page has a node per 18 bytes;
        // a page with more nodes only grows the buffer.
        let keep = stream != nil
        nodes = GrowableBuffer(capacity: max(64, expectedBytes / 8), keepsOutgrownBlocks: keep)
        text = GrowableBuffer(capacity: max(256, expectedBytes), keepsOutgrownBlocks: keep)
        attributes = GrowableBuffer(capacity: max(16, expectedBytes / 32), keepsOutgrownBlocks: keep)
        attributeText = GrowableBuffer(capacity: max(256, expectedBytes / 16), keepsOutgrownBlocks: keep)
        names = NameTable(keepsOutgrownBlocks: keep)
        self.stream = stream
        released = keep ? ReleasedText() : nil
        nodes.append(PageTree.Node(nameID: -2, parent: -1, start: 0, length: 0))
    }

    /// Opens an element. `attributes` is libxml2's NULL-terminated list of name, value, name, value…
    /// (a value may be NULL for an attribute written without one). Returns the new node's index.
    @discardableResult
    mutating func startElement(name: UnsafePointer<UInt8>, attributes list: UnsafePointer<UnsafePointer<UInt8>?>?) -> Int32 {
        let firstAttribute = Int32(attributes.count)
        var attributeCount: Int32 = 0
        if var cursor = list {
            while let attributeName = cursor.pointee {
                let value = cursor.successor().pointee
                addAttribute(name: attributeName, value: value)
                attributeCount += 1
                cursor += 2
            }
        }
        return open(nameID: internName(name), firstAttribute: firstAttribute, attributeCount: attributeCount)
    }

    /// Opens an element whose attributes were added with `addAttribute` just before.
    mutating func open(nameID: Int32, firstAttribute: Int32, attributeCount: Int32) -> Int32 {
        guard depth < Self.maximumDepth else {
            flattened += 1
            cutNesting = true
            return current
        }
        endTextRun()
        let index = Int32(nodes.count)
        nodes.append(PageTree.Node(nameID: nameID, parent: current, start: firstAttribute, length: attributeCount))
        link(index)
        current = index
        depth += 1
        if lookingForTitle, titleIndex < 0, nameID == titleNameID, depth > 1 { titleIndex = index }
        if let stream, refusedDepth == .max {
            let storage = currentStorage()
            if stream.readsThrough(HTMLNode(storage: storage, index: index)) {
                stream.publish(.init(kind: .opened, index: index, storage: storage, textEnd: Int32(text.count)))
            } else {
                refusedDepth = depth
            }
        }
        return index
    }

    mutating func addAttribute(name: UnsafePointer<UInt8>, value: UnsafePointer<UInt8>?) {
        let start = Int32(attributeText.count)
        var length = 0
        if let value {
            while value[length] != 0 { length += 1 }
            attributeText.append(contentsOf: value, count: length)
        }
        attributeText.append(0)
        attributes.append(PageTree.Attribute(nameID: internName(name), valueStart: start, valueLength: Int32(length)))
    }

    var attributeCount: Int32 { Int32(attributes.count) }

    mutating func endElement() {
        if flattened > 0 {
            flattened -= 1
            return
        }
        endTextRun()
        guard current != 0 else { return }
        if current == titleIndex { title = titleText() }
        if let stream {
            if refusedDepth == depth {
                refusedDepth = .max
                stream.publish(.init(kind: .subtree, index: current, storage: currentStorage(), textEnd: Int32(text.count)))
            } else if refusedDepth == .max {
                stream.publish(.init(kind: .closed, index: current, storage: currentStorage(), textEnd: Int32(text.count)))
            }
        }
        current = nodes[Int(current)].parent
        if current == 0 { lookingForTitle = false }
        depth -= 1
    }

    /// Adds text to the current element, extending its last text node when that came just before.
    /// Returns the text node's index, or -1 when there is no element to hold it.
    @discardableResult
    mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        guard current != 0, count > 0 else { return -1 }
        if textRunOpen {
            let index = nodes[Int(current)].lastChild
            text.removeLast(1)
            text.append(contentsOf: bytes, count: count)
            text.append(0)
            nodes[Int(index)].length += Int32(count)
            return index
        }
        let index = Int32(nodes.count)
        nodes.append(PageTree.Node(nameID: -1, parent: current, start: Int32(text.count), length: Int32(count)))
        text.append(contentsOf: bytes, count: count)
        text.append(0)
        link(index)
        textRunOpen = true
        return index
    }

    /// A comment or processing instruction sits between two text runs: they stay two nodes.
    mutating func breakTextRun() {
        endTextRun()
    }

    /// The finished tree. The builder must not be used afterwards.
    mutating func finish() -> PageTree {
        endTextRun()
        if titleIndex >= 0, title == nil { title = titleText() }
        stream?.finish()
        _ = currentStorage()
        return PageTree(
            nodes: nodes, text: text, attributes: attributes, attributeText: attributeText, names: names, storages: storages, cutNesting: cutNesting,
            released: released, title: title)
    }

    /// The current text run is over: nothing more is added to that node.
    private mutating func endTextRun() {
        guard textRunOpen else { return }
        textRunOpen = false
        if let stream, refusedDepth == .max {
            stream.publish(.init(kind: .subtree, index: nodes[Int(current)].lastChild, storage: currentStorage(), textEnd: Int32(text.count)))
        }
    }

    /// A storage record for the buffers as they are now, made anew only after one of them grew.
    private mutating func currentStorage() -> UnsafePointer<PageTree.Storage> {
        if let last = storages.last, last.pointee.nodes == nodes.base, last.pointee.text == text.base,
            last.pointee.attributes == attributes.base, last.pointee.attributeText == attributeText.base, last.pointee.names == names.names,
            last.pointee.traits == names.traits
        {
            return UnsafePointer(last)
        }
        let storage = UnsafeMutablePointer<PageTree.Storage>.allocate(capacity: 1)
        storage.initialize(
            to: .init(
                nodes: nodes.base, text: text.base, attributes: attributes.base, attributeText: attributeText.base, names: names.names,
                traits: names.traits, released: released))
        storages.append(storage)
        return UnsafePointer(storage)
    }

    private mutating func link(_ index: Int32) {
        let parent = Int(current)
        let last = nodes[parent].lastChild
        if last < 0 { nodes[parent].firstChild = index } else { nodes[Int(last)].next = index }
        nodes[parent].lastChild = index
    }

    /// The title's text, normalised, as `PageTree.title` gives it; nil when empty. Its text is not
    /// handed to the reader before the title closes, so none of it can have been released.
    private mutating func titleText() -> String? {
        let text = TextNormaliser.normalise(HTMLNode(storage: currentStorage(), index: titleIndex).rawTextWhileBuilding)
        return text.isEmpty ? nil : text
    }

    /// libxml2 interns names in its dictionary, so a pointer seen before is a name seen before.
    mutating func internName(_ name: UnsafePointer<UInt8>) -> Int32 {
        let key = UnsafeRawPointer(name)
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 4) & 255
        if recentNames[slot].0 == key { return recentNames[slot].1 }
        if let id = nameIDsByPointer[key] {
            recentNames[slot] = (key, id)
            return id
        }
        let text = String(cString: name)
        let id: Int32
        if let known = nameIDsByText[text] {
            id = known
        } else {
            id = names.append(text)
            nameIDsByText[text] = id
            if text == "title" { titleNameID = id }
        }
        nameIDsByPointer[key] = id
        recentNames[slot] = (key, id)
        return id
    }
}
