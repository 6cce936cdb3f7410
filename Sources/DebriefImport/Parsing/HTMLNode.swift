internal import CLibXML2
import Foundation

/// A non-owning view of one node of a parsed document; valid while its `HTMLDocument` lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's tag name in lower case ("" for other nodes).
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)  // the HTML parser already lower-cases tag names
    }

    /// The node's own text, for text nodes.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The text node's own bytes as libxml2 keeps them (UTF-8, NUL-terminated), or nil.
    var textPointer: UnsafePointer<UInt8>? {
        pointer.pointee.content.map { UnsafePointer($0) }
    }

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }

    /// The element children and text children in order, walked in place without building an array.
    var children: Children { Children(first: pointer.pointee.children) }

    var elementChildren: LazyFilterSequence<Children> { children.lazy.filter(\.isElement) }

    /// The children of a node as a sequence over libxml2's linked list.
    struct Children: Sequence, IteratorProtocol {
        var first: xmlNodePtr?

        mutating func next() -> HTMLNode? {
            guard let current = first else { return nil }
            first = current.pointee.next
            return HTMLNode(pointer: current)
        }
    }

    /// The number of bytes of text below this node, without building the text.
    var textByteCount: Int {
        if isText { return pointer.pointee.content.map { strlen($0) } ?? 0 }
        guard isElement, !HTMLNode.invisible.contains(name) else { return 0 }
        var count = 0
        var child = pointer.pointee.children
        while let current = child {
            count += HTMLNode(pointer: current).textByteCount
            child = current.pointee.next
        }
        return count
    }

    /// The value of an attribute, or nil.
    func attribute(_ name: String) -> String? {
        guard isElement, pointer.pointee.properties != nil, let value = xmlGetProp(pointer, name) else { return nil }
        defer { debrief_xml_free(value) }
        return String(cString: value)
    }

    /// All text below this node, in document order, leaving out scripts, styles and comments.
    var rawText: String {
        String(decoding: textBytes(), as: UTF8.self)
    }

    /// `rawText`, normalised by `TextNormaliser`, without building the raw string first.
    var normalisedText: String {
        textBytes().withUnsafeBufferPointer { TextNormaliser.normalise(bytes: $0) }
    }

    private func textBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        if isText {
            appendBytes(to: &bytes)
        } else {
            var child = pointer.pointee.children
            while let current = child {
                HTMLNode(pointer: current).appendBytes(to: &bytes)
                child = current.pointee.next
            }
        }
        return bytes
    }

    private func appendBytes(to bytes: inout [UInt8]) {
        if isText {
            if let content = pointer.pointee.content {
                var cursor = content
                while cursor.pointee != 0 {
                    bytes.append(cursor.pointee)
                    cursor += 1
                }
            }
            return
        }
        guard isElement, !HTMLNode.invisible.contains(name) else { return }
        if name == "br" { bytes.append(0x0A) }
        var child = pointer.pointee.children
        while let current = child {
            HTMLNode(pointer: current).appendBytes(to: &bytes)
            child = current.pointee.next
        }
    }

    /// True when a heading, paragraph, list, table or other block sits anywhere below this node,
    /// as happens when an unclosed inline tag swallows the rest of a page.
    var containsBlocks: Bool {
        var child = pointer.pointee.children
        while let current = child {
            let node = HTMLNode(pointer: current)
            if node.isElement && (HTMLNode.blockNames.contains(node.name) || node.containsBlocks) { return true }
            child = current.pointee.next
        }
        return false
    }

    static let blockNames: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "details", "dl", "pre", "div", "section", "article", "blockquote",
    ]

    /// Elements whose text is never content.
    static let invisible: Set<String> = ["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math"]
}
