internal import CLibXML2
import Foundation

/// libxml2's own tree of a page, for XPath queries, together with the same page as a `PageTree`
/// and where each libxml2 node landed in it.
final class LibXMLTree {
    let document: htmlDocPtr
    let pageTree: PageTree
    private let indexes: [UnsafeMutableRawPointer: Int32]

    init(data: Data, source: String, encoding: String?) throws(ImportError) {
        let parsed: htmlDocPtr? = data.withUnsafeBytes { buffer in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            return htmlReadMemory(base, Int32(buffer.count), source, encoding, HTMLDocument.options)
        }
        guard let parsed else { throw .unparsable(source: source) }
        document = parsed
        var builder = PageTreeBuilder(expectedBytes: data.count)
        var indexes: [UnsafeMutableRawPointer: Int32] = [:]
        var child = parsed.pointee.children
        while let node = child {
            Self.copy(node, into: &builder, indexes: &indexes)
            child = node.pointee.next
        }
        self.indexes = indexes
        pageTree = builder.finish()
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The page-tree node for a libxml2 node, when it is an element or text.
    func node(for pointer: xmlNodePtr) -> HTMLNode? {
        indexes[UnsafeMutableRawPointer(pointer)].map(pageTree.node)
    }

    /// Replays a libxml2 subtree as the parse events that would have built it, walking it with the
    /// tree's own links rather than recursion, so that no nesting is too deep to copy.
    private static func copy(_ root: xmlNodePtr, into builder: inout PageTreeBuilder, indexes: inout [UnsafeMutableRawPointer: Int32]) {
        var node: xmlNodePtr? = root
        walk: while let current = node {
            if enter(current, into: &builder, indexes: &indexes) {
                if let child = current.pointee.children {
                    node = child
                    continue walk
                }
                builder.endElement()
            }
            var at = current
            while at != root {
                if let next = at.pointee.next {
                    node = next
                    continue walk
                }
                guard let parent = at.pointee.parent else { break walk }
                builder.endElement()
                at = parent
            }
            break walk
        }
    }

    /// Adds one node; true when it opened an element (which `copy` closes after its children).
    private static func enter(_ node: xmlNodePtr, into builder: inout PageTreeBuilder, indexes: inout [UnsafeMutableRawPointer: Int32]) -> Bool {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            guard let name = node.pointee.name else { return false }
            let first = builder.attributeCount
            var count: Int32 = 0
            var property = node.pointee.properties
            while let attribute = property {
                if let attributeName = attribute.pointee.name {
                    let value = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1)
                    builder.addAttribute(name: attributeName, value: value.map { UnsafePointer($0) })
                    if let value { debrief_xml_free(value) }
                    count += 1
                }
                property = attribute.pointee.next
            }
            indexes[UnsafeMutableRawPointer(node)] = builder.open(nameID: builder.internName(name), firstAttribute: first, attributeCount: count)
            return true
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                let index = builder.characters(content, count: strlen(content))
                if index >= 0 { indexes[UnsafeMutableRawPointer(node)] = index }
            }
            return false
        default:
            builder.breakTextRun()
            return false
        }
    }
}
