import DebriefCore
import Foundation

/// Maps question text to rubric competencies by the rubric's keywords, whole words only.
///
/// Works on UTF-8 bytes: with Character-by-Character lower-casing and String searches, mapping a
/// large page took twenty times as long as importing it.
struct CompetencyMapper {
    /// A keyword as it is looked for (see `words`), and its plural.
    private struct Keyword {
        let competency: String
        let needle: [UInt8]
        let plural: [UInt8]
    }

    private let keywords: [Keyword]
    /// Keyword indexes by the first byte of their first word: a keyword can only start where a
    /// word of the question starts with that byte.
    private let byFirstByte: [[Int]]

    init(rubric: Rubric?) {
        keywords =
            rubric?.competencies.flatMap { competency in
                competency.keywords.map { keyword in
                    let needle = Self.words(keyword)
                    return Keyword(competency: competency.id, needle: needle, plural: needle.dropLast() + Array("s ".utf8))
                }
            } ?? []
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, keyword) in keywords.enumerated() { byFirstByte[Int(keyword.needle[1])].append(index) }
        self.byFirstByte = byFirstByte
    }

    /// True when no question can map to anything (no rubric, or one without keywords).
    var isEmpty: Bool { keywords.isEmpty }

    /// Competencies whose keywords occur in `text`, most hits first, then in rubric order.
    func competencies(for text: String) -> [String] {
        guard !keywords.isEmpty else { return [] }
        let found = foundKeywords(in: Self.words(text))
        var hits: [String: Int] = [:]
        var order: [String] = []
        for (index, keyword) in keywords.enumerated() where found[index] {
            if hits[keyword.competency] == nil { order.append(keyword.competency) }
            hits[keyword.competency, default: 0] += 1
        }
        return order.sorted { (hits[$0]!, order.firstIndex(of: $1)!) > (hits[$1]!, order.firstIndex(of: $0)!) }
    }

    /// For each keyword, whether it or its plural occurs in `words` (both begin with a space).
    private func foundKeywords(in words: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: keywords.count)
        words.withUnsafeBufferPointer { words in
            for start in 0..<words.count - 1 where words[start] == 0x20 {
                for index in byFirstByte[Int(words[start + 1])] where !found[index] {
                    found[index] =
                        Self.matches(keywords[index].needle, in: words, at: start)
                        || Self.matches(keywords[index].plural, in: words, at: start)
                }
            }
        }
        return found
    }

    private static func matches(_ needle: [UInt8], in words: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + needle.count <= words.count else { return false }
        for offset in 1..<needle.count where words[start + offset] != needle[offset] { return false }
        return true
    }

    /// The text's UTF-8 in lower case with everything but letters and digits made a space, with a
    /// space before and after, so that a keyword matches whole words only.
    static func words(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(text.utf8.count + 2)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                default: bytes.append(0x20)
                }
            }
        } else {
            for character in text.lowercased() {
                if character.isLetter || character.isNumber { bytes.append(contentsOf: character.utf8) } else { bytes.append(0x20) }
            }
        }
        bytes.append(0x20)
        return bytes
    }
}
