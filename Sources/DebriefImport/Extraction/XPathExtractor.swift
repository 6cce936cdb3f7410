internal import CLibXML2

/// XPath expressions that point at a page's questions when its layout is not one Debrief knows.
public struct XPathOverrides: Hashable, Sendable, Codable {
    /// Nodes whose text is a section title; each question belongs to the last section before it.
    public var section: String?
    /// Nodes whose text is a question. Required for the overrides to take effect.
    public var question: String?
    /// Evaluated with each question node as the context node; the nodes found are its answer.
    public var answer: String?

    public init(section: String? = nil, question: String? = nil, answer: String? = nil) {
        self.section = section
        self.question = question
        self.answer = answer
    }

    public var isEmpty: Bool { question == nil }
}

/// Extracts questions with the XPath overrides.
struct XPathExtractor {
    let document: HTMLDocument
    let overrides: XPathOverrides

    func sections() throws(ImportError) -> [ImportedSection] {
        guard let questionPath = overrides.question, let libxml = document.libxml else { return [] }
        guard let context = xmlXPathNewContext(libxml.document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        let questions = try evaluate(questionPath, option: "--question-xpath", in: context, at: nil)
        let sectionNodes =
            try overrides.section.map { (path) throws(ImportError) in try evaluate(path, option: "--section-xpath", in: context, at: nil) } ?? []
        var sections: [ImportedSection] = []
        var currentSection: xmlNodePtr?
        for (index, question) in questions.enumerated() {
            let section = sectionNodes.last { xmlXPathCmpNodes($0, question) == 1 }
            if sections.isEmpty || section != currentSection {
                let title = section.flatMap(libxml.node(for:)).map { TextNormaliser.normalise($0.rawText) }
                sections.append(
                    ImportedSection(
                        title: title, level: title.flatMap(QuestionHeuristics.level(of:)), kind: title.flatMap(QuestionHeuristics.kind(of:)),
                        questions: [], layouts: [PageLayout.xpath.rawValue]))
                currentSection = section
            }
            let questionText = libxml.node(for: question).map { TextNormaliser.normalise($0.rawText) } ?? ""
            let (ordinal, text) = QuestionHeuristics.splitNumbering(questionText)
            guard !text.isEmpty else { continue }
            var answer: String?
            if let answerPath = overrides.answer {
                let nodes = try evaluate(answerPath, option: "--answer-xpath", in: context, at: question)
                answer = AnswerSanitiser.html(of: nodes.compactMap(libxml.node(for:)).map { ContentBlock(kind: .other, node: $0, text: "") })
            }
            sections[sections.count - 1].questions.append(
                ImportedQuestion(ordinal: ordinal ?? index + 1, text: text, answer: answer, competencies: []))
        }
        return sections.filter { !$0.questions.isEmpty }
    }

    /// The nodes `expression` selects, in document order, with `node` as the context node when given.
    private func evaluate(_ expression: String, option: String, in context: xmlXPathContextPtr, at node: xmlNodePtr?) throws(ImportError)
        -> [xmlNodePtr]
    {
        context.pointee.node = node
        guard let result = xmlXPathEvalExpression(expression, context) else { throw .badXPath(option: option, expression: expression) }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { set.pointee.nodeTab[$0] }
    }
}

extension XPathOverrides {
    /// Refuses an expression libxml2 cannot compile, naming its option, before any page is read.
    public func validate() throws(ImportError) {
        for (option, expression) in [("--section-xpath", section), ("--question-xpath", question), ("--answer-xpath", answer)] {
            guard let expression else { continue }
            // libxml2 reports a bad expression to stderr as well; the error below says it once, clearly.
            xmlSetStructuredErrorFunc(nil) { _, _ in }
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            guard let compiled = xmlXPathCompile(expression) else { throw .badXPath(option: option, expression: expression) }
            xmlXPathFreeCompExpr(compiled)
        }
    }
}
