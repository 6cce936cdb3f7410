/// Reads questions, their sections and model answers out of a page's content blocks, whatever
/// layout the page uses: a heading per question, lists of questions under headings, `<details>`,
/// tables with a question column, definition lists, bold or "Question:" paragraphs.
struct QuestionExtractor: Sendable {
    private(set) var sections: [ImportedSection] = []
    private(set) var skipped: [SkippedLine] = []
    private var open: OpenQuestion?
    /// How many questions this run has stored; a question the page does not number gets the next one.
    private(set) var count = 0
    /// How many entries the page's tables of contents (lists or tables of links) list: evidence to
    /// weigh the questions found against.
    private(set) var tableOfContentsEntries = 0
    /// For each stored question (by section), whether its ordinal came from `count`, so a run that
    /// started part-way through a page can be renumbered when the parts are joined.
    private var countedOrdinals: [[Bool]] = []

    /// True when the blocks' array was shared when this run took it: then another reference keeps
    /// every block's strings alive until the extraction ends, and nothing is freed as it is read
    /// (a half handed over while a local variable still held it once did this; see the tests).
    private(set) var tookSharedBlocks = false

    /// A question whose answer is still being read.
    private struct OpenQuestion {
        let headingLevel: Int
        let ordinal: Int
        let counted: Bool
        let text: String
        var title: String? = nil
        var layout: PageLayout = .questionHeadings
        var answer: [ContentBlock] = []
    }

    /// Heading levels at which this page titles its questions: a short heading ("Law of Demeter")
    /// and then the paragraph that asks (see `titledLevels(in:)`).
    private let titledLevels: Set<Int>
    /// A heading at a titled level, waiting to see whether the next block asks a question.
    private var pendingTitle: (level: Int, text: String)?

    /// Reads `blocks`, releasing each one's strings in the array as it is read (`ContentBlock.take`):
    /// the array should be the only reference to them, so what an answer does not keep is freed at
    /// once and the answers joined later reuse its memory instead of adding to the peak. With a
    /// `pieceStep`, the answer pieces behind the answers joined are handed back every that many bytes.
    init(taking blocks: consuming [ContentBlock], titledLevels: Set<Int> = [], pieceStep: Int? = nil) {
        self.titledLevels = titledLevels
        var blocks = blocks
        tookSharedBlocks = !Self.ownsStorage(&blocks)
        var pieceReleaser = pieceStep.map(AnswerPieceReleaser.init(step:))
        for index in blocks.indices {
            let block = blocks[index].take()
            read(block)
            if pieceReleaser != nil, let piece = block.piece {
                // Nothing before the open answer's first piece is read again, nor this block's own if not in it.
                let needed = open?.answer.lazy.compactMap(\.piece).first?.range.lowerBound ?? piece.range.upperBound
                pieceReleaser!.passed(needed, in: piece.pieces)
            }
        }
        if let title = pendingTitle { startSection(title.text) }
        close()
        let keep = sections.map { !$0.questions.isEmpty }
        sections = zip(sections, keep).filter(\.1).map(\.0)
        countedOrdinals = zip(countedOrdinals, keep).filter(\.1).map(\.0)
    }

    /// True when nothing else holds `array`'s storage. Mutable access makes the storage unique,
    /// copying it if it was shared, so the storage moves exactly when it was shared.
    static func ownsStorage<Element>(_ array: inout [Element]) -> Bool {
        let before = array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        let after = array.withUnsafeMutableBufferPointer { UnsafeRawPointer($0.baseAddress) }
        return before == after
    }

    private mutating func read(_ block: ContentBlock) {
        if Self.isNavigation(block) {
            // "⬆ Back to Top", a table of contents' heading link: passed over without closing the open
            // question, so an answer on either side of it stays whole.
            skipped.append(SkippedLine(text: block.text, reason: "an in-page link (a table of contents or back-to-top), not a question or section"))
            return
        }
        if let title = pendingTitle {
            pendingTitle = nil
            if Self.asks(block) {
                start(
                    OpenQuestion(
                        headingLevel: title.level, ordinal: count + 1, counted: true, text: block.text, title: title.text, layout: .titledQuestions))
                return
            }
            startSection(title.text)
        }
        switch block.kind {
        case .heading(let level):
            if let (ordinal, text) = Self.headingQuestion(block.text) {
                start(OpenQuestion(headingLevel: level, ordinal: ordinal ?? count + 1, counted: ordinal == nil, text: text))
            } else if titledLevels.contains(level) {
                close()
                pendingTitle = (level, block.text)
            } else {
                close()
                startSection(block.text)
            }
        case .paragraph:
            if let question = Self.paragraphQuestion(block) {
                start(
                    OpenQuestion(
                        headingLevel: 7, ordinal: question.ordinal ?? count + 1, counted: question.ordinal == nil, text: question.text,
                        layout: .questionParagraphs))
            } else if Self.isBoldHeading(block) {
                close()
                startSection(block.text)
            } else if open != nil {
                open?.answer.append(block)
            } else if !block.textDropped, TextScan.endsWith(block.text, UInt8(ascii: "?")), TextScan.isShort(block.text, atMost: 299) {
                skipped.append(SkippedLine(text: block.text, reason: "a question-like line outside any list or heading of questions"))
            }
        case .list:
            if open != nil { open?.answer.append(block) } else { readList(block) }
        case .table:
            if let entries = InPageNavigation.tableOfContentsEntries(block.node) {
                tableOfContentsEntries += entries
                skipped.append(SkippedLine(text: "a table of \(entries) in-page links", reason: "a table of contents, not questions"))
            } else if let rows = TableQuestions.rows(of: block.node) {
                close()
                for row in rows { add(text: row.question, ordinal: nil, answer: row.answer, level: row.level, layout: .table) }
            } else if open != nil {
                open?.answer.append(block)
            }
        case .details:
            close()
            readDetails(block)
        case .definitionList:
            if !readDefinitions(block), open != nil { open?.answer.append(block) }
        case .preformatted, .other:
            if open != nil { open?.answer.append(block) }
        }
    }

    // MARK: Paragraphs (headings: QuestionExtractor+Headings)

    /// A paragraph that starts a question: `Question: …`, or a wholly bold numbered or question-like line.
    private static func paragraphQuestion(_ block: ContentBlock) -> (ordinal: Int?, text: String)? {
        // A dropped text is of a paragraph that is neither labelled nor bold.
        if block.textDropped { return nil }
        let labelled = QuestionHeuristics.strippingQuestionLabel(block.text)
        if labelled.labelled { return QuestionHeuristics.splitNumbering(labelled.text) }
        guard !block.node.isText, block.isWhollyBold, !block.sharesItsLine else { return nil }
        let (ordinal, text) = QuestionHeuristics.splitNumbering(block.text)
        guard ordinal != nil || QuestionHeuristics.isQuestionLike(text), !text.hasSuffix(":") else { return nil }
        return (ordinal, text)
    }

    /// A short, wholly bold line that is not a question: word processors' way of writing a heading.
    private static func isBoldHeading(_ block: ContentBlock) -> Bool {
        guard !block.node.isText, !block.textDropped, TextScan.isShort(block.text, atMost: 80), !TextScan.endsWith(block.text, UInt8(ascii: ".")),
            !TextScan.endsWith(block.text, UInt8(ascii: ":"))
        else { return false }
        return block.isWhollyBold && !QuestionHeuristics.isQuestionLike(block.text) && !block.sharesItsLine
    }

    // MARK: Lists, details, definition lists

    private mutating func readList(_ block: ContentBlock) {
        if let answered = AnsweredListItems(block.node) {
            for item in answered.items {
                let (number, text) = QuestionHeuristics.splitNumbering(item.question)
                let given = number ?? item.ordinal
                let answer = item.answer.map { ContentBlock(kind: .other, node: $0, text: TextNormaliser.normalise($0.rawText)) }
                    .filter { !$0.text.isEmpty }
                add(
                    text: text, ordinal: given, counted: given == nil, answer: AnswerSanitiser.html(of: answer), level: nil,
                    layout: .answeredListItems)
                for followUp in item.followUps {
                    add(text: followUp, ordinal: given ?? count, counted: given == nil, answer: nil, level: nil, layout: .answeredListItems)
                }
            }
            return
        }
        let items = ListItems(block.node)
        guard !items.entries.isEmpty else { return }
        if items.entries.allSatisfy(\.isOnlyLink) {
            tableOfContentsEntries += items.entries.reduce(0) { $0 + 1 + $1.followUps.count }
            skipped += items.entries.map { SkippedLine(text: $0.text, reason: "a link in a table of contents, not a question") }
            return
        }
        let advice = Self.headingIsAdvice(sections.last?.title)
        let questionLike = items.entries.filter { entry in
            let text = QuestionHeuristics.splitNumbering(entry.text).text
            return advice ? text.hasSuffix("?") : QuestionHeuristics.isQuestionLike(text)
        }
        let share = Double(questionLike.count) / Double(items.entries.count)
        let sectionSaysQuestions = Self.headingPromisesQuestions(sections.last?.title)
        guard share >= 0.5 || sectionSaysQuestions else {
            skipped += items.entries.map { SkippedLine(text: $0.text, reason: "a list of statements (advice or notes), not questions") }
            return
        }
        for entry in items.entries {
            let (number, text) = QuestionHeuristics.splitNumbering(entry.text)
            let given = number ?? entry.ordinal
            let ordinal = given ?? count + 1
            if advice ? text.hasSuffix("?") : (QuestionHeuristics.isQuestionLike(text) || sectionSaysQuestions || share >= 0.8) {
                add(text: text, ordinal: ordinal, counted: given == nil, answer: nil, level: nil, layout: .questionList)
            } else {
                skipped.append(SkippedLine(text: entry.text, reason: "a list item that does not read as a question"))
            }
            for followUp in entry.followUps {
                // A follow-up shares its question's number.
                add(text: followUp, ordinal: ordinal, counted: given == nil, answer: nil, level: nil, layout: .questionList)
            }
        }
    }

    private mutating func readDetails(_ block: ContentBlock) {
        let children = block.node.elementChildren
        guard let summary = children.first(where: { $0.name == "summary" }) else { return }
        let (ordinal, text) = QuestionHeuristics.splitNumbering(TextNormaliser.normalise(summary.rawText))
        let rest = block.node.children.filter { !$0.isSame(as: summary) }
            .map { ContentBlock(kind: .other, node: $0, text: TextNormaliser.normalise($0.rawText)) }
            .filter { !$0.text.isEmpty }
        add(text: text, ordinal: ordinal, answer: AnswerSanitiser.html(of: rest), level: nil, layout: .details)
    }

    /// Reads `<dt>` questions with their `<dd>` answers; false when the terms are not questions.
    private mutating func readDefinitions(_ block: ContentBlock) -> Bool {
        var pairs: [(term: String, answers: [ContentBlock])] = []
        for child in block.node.elementChildren {
            if child.name == "dt" {
                pairs.append((TextNormaliser.normalise(child.rawText), []))
            } else if child.name == "dd", !pairs.isEmpty {
                pairs[pairs.count - 1].answers += child.children.map {
                    ContentBlock(kind: .other, node: $0, text: TextNormaliser.normalise($0.rawText))
                }
            }
        }
        let questions = pairs.filter { QuestionHeuristics.isQuestionLike(QuestionHeuristics.splitNumbering($0.term).text) }
        guard !pairs.isEmpty, questions.count * 2 >= pairs.count else { return false }
        close()
        for pair in questions {
            let (ordinal, text) = QuestionHeuristics.splitNumbering(pair.term)
            add(text: text, ordinal: ordinal, answer: AnswerSanitiser.html(of: pair.answers), level: nil, layout: .definitionList)
        }
        return true
    }

    // MARK: Building the result

    private mutating func start(_ question: OpenQuestion) {
        close()
        open = question
    }

    private mutating func close() {
        guard let question = open else { return }
        open = nil
        add(
            text: question.text, ordinal: question.ordinal, counted: question.counted, answer: AnswerSanitiser.html(of: question.answer), level: nil,
            title: question.title, layout: question.layout)
    }

    private mutating func startSection(_ title: String) {
        sections.append(
            ImportedSection(title: title, level: QuestionHeuristics.level(of: title), kind: QuestionHeuristics.kind(of: title), questions: []))
        countedOrdinals.append([])
    }

    /// Stores a question; without an `ordinal` it takes the next count.
    private mutating func add(
        text: String, ordinal: Int?, counted: Bool = false, answer: String?, level: String?, title: String? = nil, layout: PageLayout
    ) {
        let clean = TextNormaliser.normalise(text)
        guard !clean.isEmpty else { return }
        guard TextScan.isShort(clean, atMost: 1_000) else {
            skipped.append(SkippedLine(text: String(clean.prefix(200)) + "…", reason: "too long to be a question (\(clean.count) characters)"))
            return
        }
        count += 1
        if sections.isEmpty {
            sections.append(ImportedSection(title: nil, level: nil, kind: nil, questions: []))
            countedOrdinals.append([])
        }
        if let level, sections[sections.count - 1].level == nil, sections[sections.count - 1].questions.isEmpty {
            sections[sections.count - 1].level = level
        }
        sections[sections.count - 1].questions.append(
            ImportedQuestion(ordinal: ordinal ?? count, text: clean, answer: answer, competencies: [], title: title.map(TextNormaliser.normalise)))
        countedOrdinals[countedOrdinals.count - 1].append(counted || ordinal == nil)
        if !sections[sections.count - 1].layouts.contains(layout.rawValue) { sections[sections.count - 1].layouts.append(layout.rawValue) }
    }

    /// Shifts the ordinals this run counted itself by the questions stored before it.
    mutating func renumber(after earlier: Int) {
        for s in sections.indices {
            for q in sections[s].questions.indices where countedOrdinals[s][q] {
                sections[s].questions[q].ordinal += earlier
            }
        }
    }
}
