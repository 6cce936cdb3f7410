/// How a heading reads to the extractor: as a question, as the title of a section of questions, or
/// as the title of a section of advice.
extension QuestionExtractor {
    /// "Coding questions" promises questions; "Tips to prepare for … questions" does not.
    static func headingPromisesQuestions(_ title: String?) -> Bool {
        guard let lower = title?.lowercased(), lower.contains("question") else { return false }
        return !["tip", "prepar", "advice", "how to", "resource", "further reading", "related"].contains(where: lower.contains)
    }

    /// The question a heading asks (its number and text), or nil for a heading that opens a section.
    static func headingQuestion(_ heading: String) -> (ordinal: Int?, text: String)? {
        let (ordinal, text) = QuestionHeuristics.splitNumbering(QuestionHeuristics.strippingQuestionLabel(heading).text)
        return isQuestionHeading(text, numbered: ordinal != nil) ? (ordinal, text) : nil
    }

    /// True when a heading's text (its numbering taken off) asks: it ends with `?`, or reads as a
    /// question and is numbered or longer than a few words; "How to …" and "Tips …" never ask.
    static func isQuestionHeading(_ text: String, numbered: Bool) -> Bool {
        if TextScan.endsWith(text, UInt8(ascii: "?")) { return true }
        for prefix: StaticString in ["how to ", "what to ", "tips", "why you should", "where to ", "when to "]
        where TextScan.hasPrefix(text, ignoringCase: prefix) {
            return false
        }
        return QuestionHeuristics.isQuestionLike(text) && (numbered || !TextScan.isShort(text, atMost: 12))
    }

    /// "Tips for interviewers" or "How to prepare": lists under it are advice unless they ask.
    static func headingIsAdvice(_ title: String?) -> Bool {
        guard let lower = title?.lowercased() else { return false }
        return ["tip", "advice", "prepar", "how to", "checklist", "do's", "dos and", "best practice"].contains(where: lower.contains)
    }
}
