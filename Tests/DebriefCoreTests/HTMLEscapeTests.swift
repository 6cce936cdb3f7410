import DebriefCore
import Testing

@Suite("HTML escaping and the plain text of sanitised HTML")
struct HTMLEscapeTests {
    @Test("escaping then reading the plain text gives the text back, for the five special characters and beyond")
    func roundTrip() {
        for text in ["a < b && c > d", "say \"hi\" and 'bye'", "&amp; is already an entity", "café “curly” — 🚀", "x"] {
            #expect(HTMLEscape.plainText(ofSanitised: "<p>" + HTMLEscape.escape(text) + "</p>") == text)
        }
    }

    @Test("tags become spaces, white space collapses, the ends are trimmed, and entities are read once")
    func plainText() {
        #expect(
            HTMLEscape.plainText(ofSanitised: "<p>Use <code>ETag</code>s</p><ul><li>one</li><li>two\n\t three</li></ul>")
                == "Use ETag s one two three")
        #expect(HTMLEscape.plainText(ofSanitised: "  <p>&amp;lt; stays &lt;</p>  ") == "&lt; stays <")
        #expect(HTMLEscape.plainText(ofSanitised: "a&nbsp;b &unknown; & c&amp") == "a&nbsp;b &unknown; & c&amp")
        #expect(HTMLEscape.plainText(ofSanitised: "no\u{A0}break") == "no break")
        #expect(HTMLEscape.plainText(ofSanitised: "em\u{2003}space and\u{3000}ideographic \u{202F}narrow") == "em space and ideographic narrow")
        #expect(HTMLEscape.plainText(ofSanitised: "") == "" && HTMLEscape.plainText(ofSanitised: "<br>") == "")
    }
}
