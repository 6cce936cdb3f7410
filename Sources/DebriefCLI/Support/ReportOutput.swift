/// Where a rendered report goes: a file for HTML (or whenever --out is given), standard output otherwise.
enum ReportOutput {
    static func deliver(_ text: String, format: ReportCommand.Format, out: String?, defaultName: String) throws {
        if let out {
            try ReportFile.write(text, to: out)
            Console.current.errorLine("Wrote \(out)")
        } else if format == .html {
            let path = "./\(defaultName).html"
            try ReportFile.write(text, to: path)
            Console.current.line("Wrote \(path)")
        } else {
            // Bytes, not Characters: CSV's "\r\n" is one Character, so a Character test would miss it and add a blank record.
            Console.current.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n")
        }
    }
}
