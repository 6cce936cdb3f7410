import DebriefCore
import Testing

@Suite("Reading CSV")
struct CSVReaderTests {
    @Test("quoted fields hold commas, doubled quotes and line breaks; records keep their first line")
    func quoting() throws {
        let records = try CSVReader.records("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("a byte-order mark and blank lines are ignored; a missing final newline is fine")
    func tolerance() throws {
        let records = try CSVReader.records("\u{FEFF}a,b\n\n1,2")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test("empty fields are kept")
    func emptyFields() throws {
        #expect(try CSVReader.records(",,\n\"\",x\n").map(\.fields) == [["", "", ""], ["", "x"]])
    }

    @Test("malformed quoting is refused with the line", arguments: [("a,\"open\n", 1), ("a,b\nx\"y,z\n", 2), ("\"a\"b,c\n", 1)])
    func malformed(_ text: String, line: Int) {
        #expect(throws: CSVReader.Failure.self) { try CSVReader.records(text) }
        do { _ = try CSVReader.records(text) } catch { #expect(error.line == line) }
    }
}
