/// Reads CSV text as RFC 4180 describes it: comma-separated fields, double quotes around fields
/// that hold commas, quotes or line breaks, doubled quotes inside them, CRLF or LF line ends.
public enum CSVReader {
    /// One record and the 1-based line it starts on.
    public struct Record: Hashable, Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// Why the text is not CSV.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The records of `text`; blank lines are skipped and a leading byte-order mark is ignored.
    public static func records(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, fieldWasQuoted = false
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var index = scalars.startIndex
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case "\"":
                throw Failure(line: line, message: "a quote inside an unquoted field; put the whole field in quotes and double the quote")
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r" where index < scalars.endIndex && scalars[index] == "\n":
                break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted { throw Failure(line: line, message: "text after a closing quote; a quoted field must end at a comma or line end") }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw Failure(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
