internal import CLibXML2
import Foundation

/// Parses a page with libxml2's HTML parser in event (SAX) mode straight into a `PageTree`: the
/// same parse, recovery and charset handling as building libxml2's tree, without the tree.
enum SAXPageParser {
    /// Parses `data`; with a `stream`, finished parts of the page are handed over as they come, and
    /// the stream is finished when this returns or throws. The tree's first buffers are sized for
    /// `expectedBytes` of page (the page's size unless told).
    static func parse(_ data: Data, source: String, encoding: String?, stream: SubtreeStream? = nil, expectedBytes: Int? = nil)
        throws(ImportError) -> PageTree
    {
        let builder = UnsafeMutablePointer<PageTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: PageTreeBuilder(expectedBytes: expectedBytes ?? data.count, stream: stream))
        defer { builder.deinitialize(count: 1).deallocate() }
        let parsed: Bool = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                let context = htmlCreateMemoryParserCtxt(base, Int32(buffer.count))
            else { return false }
            defer { htmlFreeParserCtxt(context) }
            context.pointee.sax.pointee = handler()
            context.pointee.userData = UnsafeMutableRawPointer(builder)
            if let encoding, let converter = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(context, converter)
                if let previous = context.pointee.input.pointee.encoding { debrief_xml_free(UnsafeMutableRawPointer(mutating: previous)) }
                context.pointee.input.pointee.encoding = UnsafePointer(xmlStrdup(encoding))
            }
            htmlCtxtUseOptions(context, HTMLDocument.options)
            _ = htmlParseDocument(context)
            return true
        }
        let tree = builder.pointee.finish()
        guard parsed else { throw .unparsable(source: source) }
        return tree
    }

    /// The events a tree builder listens to. Blank runs the parser calls ignorable are dropped, as
    /// libxml2's own tree builder drops them.
    private static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            treeBuilder(context)?.pointee.startElement(name: name, attributes: UnsafePointer(attributes))
        }
        handler.endElement = { context, _ in treeBuilder(context)?.pointee.endElement() }
        handler.characters = { context, bytes, count in
            guard let bytes else { return }
            treeBuilder(context)?.pointee.characters(bytes, count: Int(count))
        }
        handler.cdataBlock = { context, bytes, count in
            guard let bytes else { return }
            treeBuilder(context)?.pointee.characters(bytes, count: Int(count))
        }
        handler.comment = { context, _ in treeBuilder(context)?.pointee.breakTextRun() }
        handler.processingInstruction = { context, _, _ in treeBuilder(context)?.pointee.breakTextRun() }
        return handler
    }
}

/// The builder a parse event is for (the parser context's user data). A free function, since a C
/// callback cannot capture anything.
private func treeBuilder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<PageTreeBuilder>? {
    context?.assumingMemoryBound(to: PageTreeBuilder.self)
}
