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

    /// The labels a numbered or labelled question may start with, and their lengths in bytes.
    private static let labels: [(StaticString, Int)] = [("question", 8), ("q", 1)]

    /// The number a line starts with (`Q12.`, `12.`, `12)`, `Question 12:`) and the text after it.
    ///
    /// Hand-written rather than a Regex: this runs once per heading and list item, and a regex
    /// literal is parsed again on every call.
    static func splitNumbering(_ text: String) -> (ordinal: Int?, text: String) {
        var text = text
        guard let (number, start) = text.withUTF8({ numbering(in: $0) }) else { return (nil, text) }
        return (number, String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: start)...])!)
    }

    /// The number a line of UTF-8 starts with and where the text after it starts, read byte by byte
    /// (headings and list items of a long page are hundreds of thousands of calls).
    private static func numbering(in bytes: UnsafeBufferPointer<UInt8>) -> (number: Int, textStart: Int)? {
        let isDigit = { (index: Int) in index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        let skipSpaces = { (index: Int) in
            var index = index
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            return index
        }
        var index = skipSpaces(0)
        guard index < bytes.count, isDigit(index) || TextScan.lower(bytes[index]) == UInt8(ascii: "q") else { return nil }
        var labelled = false
        for (label, length) in labels where TextScan.hasPrefix(bytes, from: index, ignoringCase: label) {
            let after = skipSpaces(index + length)
            if isDigit(after) {
                index = after
                labelled = true
                break
            }
        }
        var number = 0, digits = 0
        while isDigit(index) {
            number = number &* 10 &+ Int(bytes[index] &- 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0, digits <= 4 else { return nil }
        // A separator: `.`, `)`, `:`, `-`, or an en or em dash (E2 80 93, E2 80 94).
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes[index]) {
            index += 1
        } else if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94 {
            index += 3
        } else if !labelled {
            return nil  // "2024 trends" is not question 2024
        }
        // Then spaces or no-break spaces (C2 A0), at least one, and some text.
        let afterNumber = index
        while index < bytes.count {
            if bytes[index] == 0x20 {
                index += 1
            } else if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                break
            }
        }
        guard index > afterNumber, index < bytes.count else { return nil }
        return (number, index)
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
        var text = text
        if let answer = text.withUTF8({ ASCIIWords.isQuestionLike($0) }) { return answer }
        return isQuestionLikeByCharacters(text.collapsingWhitespace())
    }

    /// `isQuestionLike` read Character by Character, for text that is not plain normalised ASCII.
    static func isQuestionLikeByCharacters(_ trimmed: String) -> Bool {
        let length = trimmed.utf8.count
        guard length >= 4, length <= 2_400 else { return false }
        if trimmed.hasSuffix("?") || trimmed.hasSuffix("？") || trimmed.hasSuffix("か。") || trimmed.hasSuffix("か") { return true }
        if TextScan.contains(trimmed, ignoringCase: "? ") || TextScan.contains(trimmed, ignoringCase: "?)") { return true }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(2).map {
            $0.lowercased().trimmingCharacters(in: .punctuationCharacters).replacingOccurrences(of: "’", with: "'")
        }
        guard let first = words.first else { return false }
        return opensQuestion(first, then: words.count > 1 ? words[1] : nil)
    }

    /// True when a line's first two words (lower case, punctuation trimmed) open a question, not a
    /// statement such as "Why we interview".
    static func opensQuestion(_ first: String, then second: String?) -> Bool {
        guard openers.contains(first) else { return false }
        return !(statementOpeners.contains(first) && second.map(statementSubjects.contains) == true)
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
        var text = heading
        let saysHR =
            text.withUTF8 { ASCIIWords.hasWord($0, ignoringCase: "hr") }
            ?? heading.split(whereSeparator: { !$0.isLetter }).contains { $0.count == 2 && TextScan.hasPrefix($0, ignoringCase: "hr") }
        if saysHR || says("behavio") || says("soft skill") || says("culture") || says("personal") { return "behavioural" }
        if says("technical") || says("coding") || says("programming") || says("system design") { return "technical" }
        return nil
    }
}
