import DebriefCore
import Foundation

/// Turns an HTML page or fragment into questions, safely: libxml2 parses it, boilerplate is left
/// out, every answer is sanitised, and nothing is fetched over the network.
public struct QuestionSetImporter: Sendable {
    /// Pages larger than this are refused before parsing.
    public static let defaultSizeLimit = 100 * 1_048_576

    /// Maps questions to this rubric's competencies by keyword, when set.
    public var rubric: Rubric?
    /// XPath overrides for pages whose layout the importer does not recognise.
    public var overrides: XPathOverrides?
    public var sizeLimit: Int

    public init(rubric: Rubric? = nil, overrides: XPathOverrides? = nil, sizeLimit: Int = QuestionSetImporter.defaultSizeLimit) {
        self.rubric = rubric
        self.overrides = overrides
        self.sizeLimit = sizeLimit
    }

    /// Extracts the questions of `data`; `source` names it in the result and in errors.
    public func extract(_ data: Data, source: String) throws(ImportError) -> ImportedQuestionSet {
        guard data.count <= sizeLimit else { throw .tooLarge(source: source, bytes: data.count, limit: sizeLimit) }
        // The page's text is let go of as it is read; on the rare page where something asks for
        // released text after all, the page is read again holding all of it (see ReleasedText).
        if let imported = try extract(data, source: source, releasing: TextReleaser()) { return imported }
        return try extract(data, source: source, releasing: nil)!
    }

    /// The questions of `data`, or nil when the `releaser` let text go that was then asked for.
    func extract(_ data: Data, source: String, releasing releaser: TextReleaser?) throws(ImportError) -> ImportedQuestionSet? {
        let useXPath = overrides.map { !$0.isEmpty } ?? false
        // Blocks are read on another core while the page is parsed (see BlockReader+Streaming).
        let stream = useXPath ? nil : BlockReader.stream()
        let pieces = stream == nil ? nil : AnswerPieces(forPageOf: data.count, pageSize: releaser?.pageSize ?? ReleasedText.pageSize)
        let reading = stream.map { stream in BackgroundTask { BlockReader.reading(stream, pieces: pieces, releasing: releaser) } }
        let document: HTMLDocument
        do {
            document = try HTMLDocument(data: data, source: source, forXPath: useXPath, stream: stream)
        } catch {
            stream?.finish()
            _ = reading?.wait()
            throw error
        }
        var streamed = reading?.wait()
        guard let root = document.root else { throw .noQuestions(source: source) }
        var skipped: [SkippedLine] = []
        var sections: [ImportedSection]
        var contentsEntries = 0
        if let overrides, useXPath {
            sections = try XPathExtractor(document: document, overrides: overrides).sections()
        } else {
            let (blocks, readSkipped) = BlockReader.read(root: root, streamed: &streamed)
            // Handed over, not shared: the extractor frees each block's strings as it reads them.
            let extractor = QuestionExtractor.extract(blocks: consume blocks, pieceStep: releaser?.step)
            sections = extractor.sections
            skipped = readSkipped + extractor.skipped
            contentsEntries = extractor.contentsEntries
        }
        // Everything that reads the tree has run: what it read is to be trusted only if it read no released text.
        if document.tree.textWasReadAfterRelease || pieces?.wasReadAfterRelease == true {
            BackgroundRelease.drop(consume streamed, consume document)
            return nil
        }
        let mapper = CompetencyMapper(rubric: rubric)
        if !mapper.isEmpty {
            for s in sections.indices {
                for q in sections[s].questions.indices {
                    sections[s].questions[q].competencies = mapper.competencies(for: sections[s].questions[q].text)
                }
            }
        }
        let found = sections.reduce(0) { $0 + $1.questions.count }
        guard found > 0 else { throw .noQuestions(source: source) }
        var warnings: [String] = []
        let unanswered = sections.reduce(0) { total, section in total + section.questions.count { $0.answer == nil } }
        if unanswered > 0 && unanswered < found { warnings.append("\(unanswered) of \(found) questions have no model answer on the page") }
        // A table of contents that long lists questions, not sections: the body should hold about as many.
        if (contentsEntries >= 30 && found >= 2 * contentsEntries) || (contentsEntries >= 10 && 2 * found <= contentsEntries) {
            warnings.append(
                "the page's table of contents lists \(contentsEntries) entries but \(found) questions were found; review the questions before storing them"
            )
        }
        warnings += Self.layoutWarnings(sections: sections, skipped: skipped, found: found)
        if document.tree.cutNesting {
            warnings.append(
                "the page nests elements more than \(PageTreeBuilder.maximumDepth) deep; tags below that depth were read as plain text")
        }
        if document.undeclaredNonASCII {
            warnings.append("the page declares no charset; it was read as UTF-8")
        }
        let imported = ImportedQuestionSet(
            title: document.title ?? sections.first?.title ?? source, source: source, sections: sections, skipped: skipped, warnings: warnings,
            pageTitle: document.title)
        // Freeing a long page's blocks and tree took a tenth of its import; nothing waits for it.
        BackgroundRelease.drop(consume streamed, consume document)
        return imported
    }

    /// Warnings that ask for a review: a section read in several layouts at once, or many lines left
    /// out beside few kept (navigation, which is left out by design, does not count).
    static func layoutWarnings(sections: [ImportedSection], skipped: [SkippedLine], found: Int) -> [String] {
        var warnings: [String] = []
        // A titled page's odd heading that asks for itself is the same shape, not a mix.
        let family = { (layout: String) in layout == PageLayout.titledQuestions.rawValue ? PageLayout.questionHeadings.rawValue : layout }
        let mixed = sections.filter { Set($0.layouts.map(family)).count > 1 }
        if let first = mixed.first {
            let named = first.title.map { "'\($0)'" } ?? "the untitled section"
            warnings.append(
                "\(mixed.count) section\(mixed.count == 1 ? "" : "s") mix layouts (\(named): \(first.layouts.joined(separator: ", "))); "
                    + "check that every question is one before storing")
        }
        let doubtful = skipped.count { !$0.reason.contains("table of contents") && !$0.reason.contains("in-page link") }
        if doubtful >= 10, doubtful * 10 >= (doubtful + found) * 3 {
            warnings.append(
                "\(doubtful) lines were left out beside \(found) questions (\(doubtful * 100 / (doubtful + found))%); the page may hold questions in a layout Debrief does not recognise"
            )
        }
        return warnings
    }
}
