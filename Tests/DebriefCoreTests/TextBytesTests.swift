import Foundation
import Testing

@testable import DebriefCore

@Suite("Text normalised from bytes")
struct TextBytesTests {
    private func normalised(_ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { TextBytes.normalised($0) }
    }

    @Test("every scalar the NFC allow-list admits is left alone by NFC, alone and beside others")
    func allowListIsStable() {
        var admitted = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard TextBytes.isStableUnderNFC(value), let scalar = Unicode.Scalar(value) else { continue }
            admitted += 1
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            let character = String(Character(scalar))
            for text in [character, "e" + character, character + character, "A" + character + "a"] {
                let nfc = text.precomposedStringWithCanonicalMapping
                #expect(Array(nfc.unicodeScalars) == Array(text.unicodeScalars), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
        #expect(admitted > 20_000)
    }

    @Test("text with only stable scalars keeps its scalars; decomposed text is composed")
    func fastPathAndSlowPath() {
        let prose = "Café “quoted” – naïve … 北京 → ✓ 🚀"
        #expect(Array(normalised(prose).unicodeScalars) == Array(prose.unicodeScalars))
        #expect(Array(normalised("Cafe\u{301}  au\u{A0}lait").unicodeScalars) == Array("Café au lait".unicodeScalars))
        #expect(Array(normalised("“e\u{301}”").unicodeScalars) == Array("“é”".unicodeScalars))
        // Hangul jamo compose under NFC; they are outside the allow-list, so they are normalised
        #expect(normalised("\u{1100}\u{1161}") == "\u{AC00}")
        #expect(Array(normalised("\u{1100}\u{1161}").unicodeScalars) == ["\u{AC00}"])
    }

    @Test("words copied as runs collapse white space as word-by-word splitting does")
    func runsCollapseWhiteSpace() {
        let pieces = ["word", "a", ".", " ", "  ", "\t", "\n", "\r\n", "é", "—", "\u{A0}", "x?", "<b>"]
        var state: UInt64 = 11
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(state % 25) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(normalised(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("a cut-off or malformed sequence makes the text normalised, never read past its end")
    func malformed() {
        let bytes: [UInt8] = Array("abc".utf8) + [0xE2, 0x80]
        let text = bytes.withUnsafeBufferPointer { TextBytes.normalised($0) }
        #expect(text.hasPrefix("abc"))
    }
}
