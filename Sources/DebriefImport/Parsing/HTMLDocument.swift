internal import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser. Never fetches anything over the network.
///
/// libxml2 types stay inside this target; the document is freed when this value is.
public final class HTMLDocument {
    private let document: htmlDocPtr
    /// True when the page says which charset it is in; otherwise it was read as UTF-8.
    public let declaredCharset: Bool

    /// Parses `data`. `encoding` is used when the page declares no charset (fragments are UTF-8).
    public init(data: Data, source: String, encoding: String = "UTF-8") throws(ImportError) {
        guard !data.isEmpty else { throw .empty(source: source) }
        guard !data.prefix(8_192).contains(0) else { throw .binary(source: source) }
        Self.initialiseOnce
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        declaredCharset = Self.declaresCharset(data)
        let declared = declaredCharset ? nil : encoding
        let parsed: htmlDocPtr? = data.withUnsafeBytes { buffer in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            return htmlReadMemory(base, Int32(buffer.count), source, declared, options)
        }
        guard let parsed else { throw .unparsable(source: source) }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The root element, for walking the tree inside this target.
    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }

    /// The raw document, for XPath queries inside this target.
    var pointer: htmlDocPtr { document }

    /// The text of the page's `<title>`, whitespace collapsed, or nil.
    public var title: String? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        guard let node = Self.firstElement(named: "title", under: root) else { return nil }
        let text = TextNormaliser.normalise(HTMLNode(pointer: node).rawText)
        return text.isEmpty ? nil : text
    }

    private static func firstElement(named name: String, under node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let tag = current.pointee.name, String(cString: tag) == name {
                return current
            }
            if let found = firstElement(named: name, under: current) { return found }
            child = current.pointee.next
        }
        return nil
    }

    private static func declaresCharset(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2_048), as: UTF8.self).lowercased()
        return head.contains("charset=") || head.contains("charset =")
    }

    /// `xmlInitParser` must run once before documents are parsed from several threads.
    /// libxml2 would print XPath and encoding complaints to stderr; Debrief reports problems itself.
    private static let initialiseOnce: Void = {
        xmlInitParser()
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }()
}
