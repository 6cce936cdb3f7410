internal import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser. Never fetches anything over the network.
///
/// libxml2 reports the page as a stream of events that `PageTreeBuilder` turns into a compact
/// `PageTree`; libxml2's own tree is built only when XPath overrides need it to query. libxml2
/// types stay inside this target.
public final class HTMLDocument {
    /// The page as Debrief walks it.
    let tree: PageTree
    /// libxml2's tree, with each of its nodes' place in `tree`; only for XPath overrides.
    let libxml: LibXMLTree?
    /// True when the page says which charset it is in; otherwise it was read as UTF-8.
    public let declaredCharset: Bool
    /// True when the page declares no charset and holds bytes that are not ASCII: it was read as
    /// UTF-8, which it may not be.
    public let undeclaredNonASCII: Bool

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)

    /// Parses `data`. `encoding` is used when the page declares no charset (fragments are UTF-8).
    public convenience init(data: Data, source: String, encoding: String = "UTF-8") throws(ImportError) {
        try self.init(data: data, source: source, encoding: encoding, forXPath: false)
    }

    /// With `forXPath`, libxml2's own tree is kept for XPath queries. Otherwise, with a `stream`,
    /// finished parts of the page are handed over while the rest is parsed (see `SubtreeStream`).
    init(data: Data, source: String, encoding: String = "UTF-8", forXPath: Bool, stream: SubtreeStream? = nil) throws(ImportError) {
        guard !data.isEmpty else { throw .empty(source: source) }
        guard !data.prefix(8_192).contains(0) else { throw .binary(source: source) }
        Self.initialiseOnce
        declaredCharset = Self.declaresCharset(data)
        let fallback = declaredCharset ? nil : encoding
        if forXPath {
            let libxml = try LibXMLTree(data: data, source: source, encoding: fallback)
            self.libxml = libxml
            tree = libxml.pageTree
            undeclaredNonASCII = !declaredCharset && data.withUnsafeBytes(TextScan.hasNonASCII)
        } else {
            libxml = nil
            (tree, undeclaredNonASCII) = try SAXPageParser.parse(
                data, source: source, encoding: fallback, stream: stream, checkingASCII: !declaredCharset)
        }
    }

    /// The root element, for walking the page inside this target.
    var root: HTMLNode? { tree.root }

    /// The text of the page's `<title>`, whitespace collapsed, or nil.
    public var title: String? { tree.title }

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
