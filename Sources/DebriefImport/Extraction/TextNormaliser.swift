import Foundation

/// Text as Debrief stores it: entities already decoded by libxml2, white space (no-break spaces
/// included) collapsed to single spaces, trimmed, and in Unicode normal form C.
enum TextNormaliser {
    /// Zero-width characters that pages scatter through text; they are dropped, not turned into spaces.
    private static let invisible: Set<Character> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]

    static func normalise(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.filter { !invisible.contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
