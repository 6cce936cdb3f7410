import Foundation

/// Text as Debrief stores it: entities already decoded by libxml2, white space (no-break spaces
/// included) collapsed to single spaces, trimmed, and in Unicode normal form C.
enum TextNormaliser {
    static func normalise(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).joined(separator: " ")
    }
}
