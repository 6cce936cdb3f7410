import Foundation
import Synchronization

/// JSONEncoder's `convertToSnakeCase`: words split before an upper-case letter, and a run of
/// upper-case letters kept as one word but for its last letter when a lower-case one follows
/// ("camelCaseURLValue" is "camel_case_url_value"), then lower-cased and joined with "_".
enum SnakeCase {
    private static let known = Mutex<[String: String]>([:])

    /// `key` converted; keys are few (a type's property names), so each is worked out once. Only
    /// ASCII keys are kept: Strings compare equal when canonically equivalent, and a kept "é" spelt
    /// as e and a combining accent would be handed out for the one-scalar "é".
    static func converted(_ key: String) -> String {
        // Without upper-case letters a key is one word, already lower-cased: most keys.
        var ascii = true, upperCase = false
        for byte in key.utf8 {
            if byte >= 0x80 { ascii = false } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upperCase = true }
        }
        if ascii && !upperCase { return key }
        guard ascii else { return convert(key) }
        if let kept = known.withLock({ $0[key] }) { return kept }
        let result = convert(key)
        known.withLock { $0[key] = result }
        return result
    }

    static func convert(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        let upper = CharacterSet.uppercaseLetters, lower = CharacterSet.lowercaseLetters
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex
        var searchRange = key.index(after: wordStart)..<key.endIndex
        while let upperCase = key.rangeOfCharacter(from: upper, options: [], range: searchRange) {
            words.append(wordStart..<upperCase.lowerBound)
            searchRange = upperCase.lowerBound..<searchRange.upperBound
            guard let lowerCase = key.rangeOfCharacter(from: lower, options: [], range: searchRange) else {
                wordStart = searchRange.lowerBound
                break
            }
            let afterCapital = key.index(after: upperCase.lowerBound)
            if lowerCase.lowerBound == afterCapital {
                wordStart = upperCase.lowerBound
            } else {
                let beforeLower = key.index(before: lowerCase.lowerBound)
                words.append(upperCase.lowerBound..<beforeLower)
                wordStart = beforeLower
            }
            searchRange = lowerCase.upperBound..<searchRange.upperBound
        }
        words.append(wordStart..<searchRange.upperBound)
        return words.map { key[$0].lowercased() }.joined(separator: "_")
    }
}
