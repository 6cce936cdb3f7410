internal import CLibXML2
import Foundation

/// Parses a page with libxml2's HTML parser in event (SAX) mode straight into a `PageTree`: the
/// same parse, recovery and charset handling as building libxml2's tree, without the tree.
enum SAXPageParser {
    /// Parses `data`; with a `stream`, finished parts of the page are handed over as they come, and
    /// the stream is finished when this returns or throws. The tree's first buffers are sized for
    /// `expectedBytes` of page (the page's size unless told). With `checkingASCII`, `nonASCII` says
    /// whether any byte of the page is 0x80 or above (otherwise it is false), found while the page
    /// is read, so the page need not be read again. A page mapped by `MappedPageFile` is let go of
    /// behind the parser as it reads.
    static func parse(
        _ data: Data, source: String, encoding: String?, stream: SubtreeStream? = nil, expectedBytes: Int? = nil, checkingASCII: Bool = false
    ) throws(ImportError) -> (tree: PageTree, nonASCII: Bool) {
        let builder = UnsafeMutablePointer<PageTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: PageTreeBuilder(expectedBytes: expectedBytes ?? data.count, stream: stream))
        defer { builder.deinitialize(count: 1).deallocate() }
        var nonASCII = false
        let parsed: Bool = data.withUnsafeBytes { buffer in
            var input = PageInput(bytes: buffer, checkingASCII: checkingASCII)
            defer { nonASCII = input.nonASCII }
            guard let context = withUnsafeMutablePointer(to: &input, { parserContext(reading: $0) }) else { return false }
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
        return (tree, nonASCII)
    }

    /// A parser context that reads the page through `input` a few kilobytes at a time, as
    /// `htmlReadFile` reads a file: libxml2 keeps only the part it is parsing, where its memory
    /// parser would first copy the whole page (30 MB of a 30 MB page, and the time to fault it in).
    /// The same `htmlParseDocument` runs over it; `input` must outlive the parse.
    private static func parserContext(reading input: UnsafeMutablePointer<PageInput>) -> htmlParserCtxtPtr? {
        guard let context = htmlNewParserCtxt() else { return nil }
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            return context.assumingMemoryBound(to: PageInput.self).pointee.read(into: buffer, upTo: Int(length))
        }
        guard let buffer = xmlParserInputBufferCreateIO(read, nil, UnsafeMutableRawPointer(input), XML_CHAR_ENCODING_NONE),
            let stream = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE)
        else {
            htmlFreeParserCtxt(context)
            return nil
        }
        guard inputPush(context, stream) >= 0 else {
            xmlFreeInputStream(stream)
            htmlFreeParserCtxt(context)
            return nil
        }
        return context
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

/// The page's bytes as libxml2 asks for them, in pieces, from the start.
private struct PageInput {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// True once a byte of 0x80 or above was read; only looked for when checking.
    private(set) var nonASCII = false
    private let checkingASCII: Bool
    /// True for a page mapped by `MappedPageFile`: what was read is let go of every few megabytes.
    private let releasesBehind: Bool
    private var released = 0
    private static let releaseStep = 4 << 20

    init(bytes: UnsafeRawBufferPointer, checkingASCII: Bool) {
        self.bytes = bytes
        self.checkingASCII = checkingASCII
        releasesBehind = MappedPageFile.releasesBehind(bytes)
    }

    mutating func read(into buffer: UnsafeMutablePointer<CChar>, upTo length: Int) -> Int32 {
        let count = min(length, bytes.count - offset)
        guard count > 0, let base = bytes.baseAddress else { return 0 }
        let piece = UnsafeRawBufferPointer(start: base + offset, count: count)
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
        if checkingASCII && !nonASCII { nonASCII = TextScan.hasNonASCII(piece) }
        offset += count
        if releasesBehind && offset - released >= Self.releaseStep {
            MappedPageFile.release(bytes, below: offset)
            released = offset
        }
        return Int32(count)
    }
}
