import Foundation

/// How a line of text reads: as a question, a numbered item, a section of a given level or kind.
enum QuestionHeuristics {
    /// Words that open a question or an interview prompt.
    private static let openers: Set<String> = [
        "what", "what's", "whats", "how", "why", "when", "where", "which", "who", "whom", "whose", "can", "could", "would", "should",
        "do", "does", "did", "is", "are", "was", "were", "have", "has", "will", "explain", "describe", "tell", "talk", "name", "list",
        "compare", "discuss", "define", "give", "walk", "share", "imagine", "consider", "design", "write", "implement", "if", "suppose",
        "provide", "outline", "differentiate", "distinguish", "identify", "elaborate", "contrast", "state", "make", "create", "find", "build",
        "solve", "fix", "refactor", "debug", "convert", "reverse", "sort", "calculate", "predict",
        // German and Japanese interrogatives, so translated pages are read the same way
        "was", "wie", "warum", "wann", "wo", "welche", "welcher", "welches", "wer", "erklären", "erkläre", "beschreiben", "beschreibe",
    ]

    /// Question words that, followed by a subject, open a statement: "Why we interview", "How you'll be scored".
    private static let statementOpeners: Set<String> = ["what", "how", "why", "when", "where", "which", "who", "wie", "warum", "was"]

    /// Subjects that, straight after a question word and with no question mark, make a heading a statement.
    private static let statementSubjects: Set<String> = [
        "we", "we're", "we'll", "we've", "you", "you're", "you'll", "you've", "i", "i'm", "i'll", "they", "our", "your", "this", "these",
        "wir", "sie", "du", "ich",
    ]

    /// The labels a numbered or labelled question may start with, and their lengths in Characters.
    private static let labels: [(StaticString, Int)] = [("question", 8), ("q", 1)]

    /// The number a line starts with (`Q12.`, `12.`, `12)`, `Question 12:`) and the text after it.
    ///
    /// Hand-written rather than a Regex: this runs once per heading and list item, and a regex
    /// literal is parsed again on every call.
    static func splitNumbering(_ text: String) -> (ordinal: Int?, text: String) {
        var rest = Substring(text).drop { $0 == " " }
        guard let first = rest.utf8.first, (0x30...0x39).contains(first) || TextScan.lower(first) == UInt8(ascii: "q") else { return (nil, text) }
        var labelled = false
        for (label, length) in Self.labels where TextScan.hasPrefix(rest, ignoringCase: label) {
            let after = rest.dropFirst(length).drop { $0 == " " }
            if after.first?.isASCII == true && after.first?.isNumber == true {
                rest = after
                labelled = true
                break
            }
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let number = Int(digits) else { return (nil, text) }
        rest = rest.dropFirst(digits.count)
        let separators: Set<Character> = [".", ")", ":", "-", "–", "—"]
        if let first = rest.first, separators.contains(first) {
            rest = rest.dropFirst()
        } else if !labelled {
            return (nil, text)  // "2024 trends" is not question 2024
        }
        guard rest.first == " " || rest.first == "\u{A0}" else { return (nil, text) }
        let remainder = rest.drop { $0 == " " || $0 == "\u{A0}" }
        return remainder.isEmpty ? (nil, text) : (number, String(remainder))
    }

    /// `Question: What is…` → `What is…`.
    static func strippingQuestionLabel(_ text: String) -> (labelled: Bool, text: String) {
        let trimmed = Substring(text).drop { $0 == " " }
        guard TextScan.lower(trimmed.utf8.first ?? 0) == UInt8(ascii: "q") else { return (false, text) }
        for (label, length) in Self.labels where TextScan.hasPrefix(trimmed, ignoringCase: label) {
            let after = trimmed.dropFirst(length).drop { $0 == " " }
            if after.first == ":" {
                let question = after.dropFirst().drop { $0 == " " }
                if !question.isEmpty { return (true, String(question)) }
            }
        }
        return (false, text)
    }

    /// True when `text` reads as a question or an interview prompt.
    static func isQuestionLike(_ text: String) -> Bool {
        let trimmed = text.collapsingWhitespace()
        let length = trimmed.utf8.count
        guard length >= 4, length <= 2_400 else { return false }
        if trimmed.hasSuffix("?") || trimmed.hasSuffix("？") || trimmed.hasSuffix("か。") || trimmed.hasSuffix("か") { return true }
        if TextScan.contains(trimmed, ignoringCase: "? ") || TextScan.contains(trimmed, ignoringCase: "?)") { return true }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(2).map {
            $0.lowercased().trimmingCharacters(in: .punctuationCharacters).replacingOccurrences(of: "’", with: "'")
        }
        guard let first = words.first, openers.contains(first) else { return false }
        return !(words.count == 2 && statementOpeners.contains(first) && statementSubjects.contains(words[1]))
    }

    /// A section heading's level, when it says.
    static func level(of heading: String) -> String? {
        let says = { (word: StaticString) in TextScan.contains(heading, ignoringCase: word) }
        if says("fresher") { return "fresher" }
        if says("entry") || says("beginner") || says("basic") || says("junior") { return "entry" }
        if says("intermediate") || says("mid-level") { return "mid" }
        if says("experienced") || says("senior") || says("advanced") || says("expert") { return "experienced" }
        return nil
    }

    /// A section heading's kind, when it says.
    static func kind(of heading: String) -> String? {
        let says = { (word: StaticString) in TextScan.contains(heading, ignoringCase: word) }
        let saysHR = heading.split(whereSeparator: { !$0.isLetter }).contains { $0.count == 2 && TextScan.hasPrefix($0, ignoringCase: "hr") }
        if saysHR || says("behavio") || says("soft skill") || says("culture") || says("personal") { return "behavioural" }
        if says("technical") || says("coding") || says("programming") || says("system design") { return "technical" }
        return nil
    }
}
