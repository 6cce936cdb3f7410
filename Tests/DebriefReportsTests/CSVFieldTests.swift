import DebriefCore
import DebriefReports
import Foundation
import Testing

@Suite("CSV cells")
struct CSVFieldTests {
    @Test(
        "are quoted per RFC 4180 only when needed",
        arguments: [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
            // A CR LF pair is one Character in Swift, neither "\r" nor "\n": it went out unquoted and split the record.
            ("two\r\nlines", "\"two\r\nlines\""), ("", ""), ("Zoë 面接", "Zoë 面接"),
        ])
    func quoting(_ value: String, _ expected: String) {
        #expect(CSVField.escaped(value) == expected)
    }

    @Test(
        "that a spreadsheet would run as a formula are neutralised",
        arguments: [
            ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""), ("+1+1", "'+1+1"), ("-cmd", "'-cmd"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"),
            // A CR first is a formula start and a reason to quote: both.
            ("\r=1", "\"'\r=1\""),
        ])
    func formulas(_ value: String, _ expected: String) {
        #expect(CSVField.escaped(value) == expected)
    }

    @Test("keep numbers, negative ones included, as numbers")
    func numbers() {
        #expect(CSVField.escaped("-1.5") == "-1.5")
        #expect(CSVField.escaped("3") == "3")
    }

    @Test("join into a line")
    func line() {
        #expect(CSVField.line(["Ada", "a,b", "=1"]) == "Ada,\"a,b\",'=1")
    }
}
