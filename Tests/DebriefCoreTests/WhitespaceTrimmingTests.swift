import Testing

@testable import DebriefCore

/// `trimmingWhitespace()` answers from the end bytes when they are plain ASCII; it must trim
/// exactly as the walk over Characters does, whatever sits at the ends.
@Suite("Trimming whitespace")
struct WhitespaceTrimmingTests {
    /// The walk over Characters, as the function does it when the ends are not plain ASCII.
    private static func walked(_ text: String) -> String {
        var slice = text[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    @Test("random strings of letters, ASCII and Unicode whitespace, combining and prepended marks, CR LF: the same as the walk")
    func sameAsTheWalk() {
        let pieces = [
            "a", "Z", "7", ".", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{1C}",
            "\u{301}", "\u{0600}", "\u{0600}a", "e\u{301}", "é", "日", "👍🏽", "\u{200B}", "\u{FEFF}", "",
        ]
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let text = (0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(text.trimmingWhitespace() == Self.walked(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("plain text comes back as it is; whitespace at either end goes")
    func plainAndPadded() {
        #expect("good answer".trimmingWhitespace() == "good answer")
        #expect("  good answer\n".trimmingWhitespace() == "good answer")
        #expect("\u{A0}good\u{3000}".trimmingWhitespace() == "good")
        #expect(" \t\r\n ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }
}
