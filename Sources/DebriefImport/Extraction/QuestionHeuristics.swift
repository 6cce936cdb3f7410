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

    /// The number a line starts with (`Q12.`, `12.`, `12)`, `Question 12:`) and the text after it.
    static func splitNumbering(_ text: String) -> (ordinal: Int?, text: String) {
        let pattern = /^\s*(?:(?:Q|Question)\s*(\d{1,4})\s*[.):\-–—]?|(\d{1,4})\s*[.):\-–—])\s+(.+)$/.ignoresCase()
        if let match = text.wholeMatch(of: pattern) {
            let number = Int(match.output.1 ?? match.output.2 ?? "")
            return (number, String(match.output.3))
        }
        return (nil, text)
    }

    /// `Question: What is…` → `What is…`.
    static func strippingQuestionLabel(_ text: String) -> (labelled: Bool, text: String) {
        if let match = text.wholeMatch(of: /^\s*(?:Question|Q)\s*:\s*(.+)$/.ignoresCase()) { return (true, String(match.output.1)) }
        return (false, text)
    }

    /// True when `text` reads as a question or an interview prompt.
    static func isQuestionLike(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 4, trimmed.count <= 600 else { return false }
        if trimmed.hasSuffix("?") || trimmed.hasSuffix("？") || trimmed.hasSuffix("か。") || trimmed.hasSuffix("か") { return true }
        if trimmed.contains("? ") || trimmed.contains("?)") { return true }
        let first = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).first.map { $0.lowercased() } ?? ""
        return openers.contains(first.trimmingCharacters(in: .punctuationCharacters))
    }

    /// A section heading's level, when it says.
    static func level(of heading: String) -> String? {
        let words = heading.lowercased()
        if words.contains("fresher") { return "fresher" }
        if words.contains("entry") || words.contains("beginner") || words.contains("basic") || words.contains("junior") { return "entry" }
        if words.contains("intermediate") || words.contains("mid-level") { return "mid" }
        if words.contains("experienced") || words.contains("senior") || words.contains("advanced") || words.contains("expert") {
            return "experienced"
        }
        return nil
    }

    /// A section heading's kind, when it says.
    static func kind(of heading: String) -> String? {
        let words = heading.lowercased()
        let tokens = Set(words.split(whereSeparator: { !$0.isLetter }).map(String.init))
        if tokens.contains("hr") || words.contains("behavio") || words.contains("soft skill") || words.contains("culture")
            || words.contains("personal")
        {
            return "behavioural"
        }
        if words.contains("technical") || words.contains("coding") || words.contains("programming") || words.contains("system design") {
            return "technical"
        }
        return nil
    }
}
