import Foundation
import Testing

@testable import DebriefImport

/// The importer's byte-level shortcuts read text the way the Character-level rules they replace do.
@Suite("Byte-level text scans")
struct ByteLevelScanTests {
    @Test("isShort agrees with counting Characters, around the limit and across CR LF, accents and emoji")
    func isShortAgreesWithCharacterCount() {
        let pieces = ["a", "b", " ", "\r\n", "\r", "\n", "é", "e\u{301}", "—", "🚀", "👩‍💻", "?"]
        // Every text of up to five pieces whose index in base 12 is a multiple of 7: 35,000 or so.
        for code in stride(from: 0, to: 248_832, by: 7) {
            var rest = code, text = ""
            while rest > 0 {
                text += pieces[rest % pieces.count]
                rest /= pieces.count
            }
            for limit in [0, 1, 5, 12, 20] {
                #expect(TextScan.isShort(text, atMost: limit) == (text.count <= limit), "\(text.debugDescription) at most \(limit)")
            }
        }
    }

    @Test(
        "numbering is read from the bytes as it was from Characters",
        arguments: [
            ("12. What is a mutex?", 12, "What is a mutex?"), ("  3) Why?", 3, "Why?"), ("Q4: Explain it", 4, "Explain it"),
            ("Question 12: What is X?", 12, "What is X?"), ("q7 What now?", 7, "What now?"), ("5 – What is a lock?", nil, "5 – What is a lock?"),
            ("5– What is a lock?", 5, "What is a lock?"), ("6— Why?", 6, "Why?"), ("7.\u{A0}\u{A0}Why?", 7, "Why?"),
            ("2024 trends", nil, "2024 trends"),
            ("12345. Too long", nil, "12345. Too long"), ("8.", nil, "8."), ("9. ", nil, "9. "), ("10.What", nil, "10.What"),
            ("Quick question", nil, "Quick question"), ("", nil, ""), ("Q.  1", nil, "Q.  1"), ("1- é?", 1, "é?"),
        ] as [(String, Int?, String)])
    func numbering(line: String, ordinal: Int?, text: String) {
        let split = QuestionHeuristics.splitNumbering(line)
        #expect(split.ordinal == ordinal)
        #expect(split.text == text)
    }

    @Test("an answer that opens with a bold 'Answer:' label loses it when its blocks were sanitised while parsing")
    func answerLabelDroppedFromJoinedFragments() throws {
        var html = "<html><body><article>"
        for n in 1...40 { html += "<h3>\(n). What is \(n)?</h3><p><strong>Answer:</strong> It is \(n).</p><p>More on \(n).</p>" }
        html += "</article></body></html>"
        let found = try QuestionSetImporter().extract(Data(html.utf8), source: "labels.html")
        let answers = found.sections.flatMap(\.questions).map(\.answer)
        #expect(answers.count == 40)
        #expect(answers.first == "<p>It is 1.</p><p>More on 1.</p>")
        #expect(answers.allSatisfy { $0?.contains("Answer") == false })
    }

    @Test("the ASCII punctuation trimmed from words is Foundation's punctuationCharacters")
    func asciiPunctuation() {
        for byte in UInt8(0x20)...UInt8(0x7E) {
            let foundation = CharacterSet.punctuationCharacters.contains(Unicode.Scalar(byte))
            #expect(ASCIIWords.isPunctuation(byte) == foundation, "\(Character(Unicode.Scalar(byte)))")
        }
    }

    @Test("whether a line reads as a question is the same from bytes as from Characters")
    func questionLikeAgreesWithCharacters() {
        let pieces = [
            "What", "what's", "HOW", "Why", "we", "you're", "(Why", "-", ",", " ", "?", "? ", "?)", "Tips", "Describe:", "is", "x", "\"", "$",
            "Explain...", "[list]", "our", "design", "data", "!", "_", "{", "Who?", "I", "#",
        ]
        var checked = 0
        // Every line of up to four pieces whose index in base 31 is a multiple of 5: about 185,000.
        for code in stride(from: 0, to: 923_521, by: 5) {
            var rest = code, line = ""
            while rest > 0 {
                line += pieces[rest % pieces.count]
                rest /= pieces.count
            }
            var bytes = line
            guard let fast = bytes.withUTF8({ ASCIIWords.isQuestionLike($0) }) else { continue }
            checked += 1
            #expect(fast == QuestionHeuristics.isQuestionLikeByCharacters(line), "\(line.debugDescription)")
        }
        #expect(checked > 100_000)
        // Text that is not plain normalised ASCII is left to the Character-level reading.
        for line in ["  What is it", "What  is it", "Qu’est-ce", "What\tis", "What is it "] {
            var bytes = line
            #expect(bytes.withUTF8 { ASCIIWords.isQuestionLike($0) } == nil, "\(line.debugDescription)")
        }
        #expect(QuestionHeuristics.isQuestionLike("Explain   the CAP theorem"))
        #expect(!QuestionHeuristics.isQuestionLike("Why we interview"))
    }

    @Test("a two-letter word is found in ASCII headings as splitting at non-letters finds it")
    func wholeWordAgreesWithCharacters() {
        for heading in ["HR round", "hr", "Chrome", "Our HR-team", "h r", "HRs", "x/hr/y", "Hr.", "", "Behavioural", "shr"] {
            var bytes = heading
            let byCharacters = heading.split(whereSeparator: { !$0.isLetter }).contains { $0.lowercased() == "hr" }
            #expect(bytes.withUTF8 { ASCIIWords.hasWord($0, ignoringCase: "hr") } == byCharacters, "\(heading)")
        }
        #expect(QuestionHeuristics.kind(of: "HR round") == "behavioural")
        #expect(QuestionHeuristics.kind(of: "Chrome internals") == nil)
        #expect(QuestionHeuristics.kind(of: "Entretien RH / HR – questions") == "behavioural")
    }
}
