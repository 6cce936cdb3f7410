import Foundation
import Testing

/// The hostile-input corpus through the command line: flags and a score sheet's cells and notes. Each value is refused with a clear error or stored as sent, and the reports
/// the CLI writes show it inert (escaped HTML, backslash-escaped Markdown, defused CSV).
@Suite("Hostile input through the CLI")
struct HostileInputCommandTests {
    let cli = try! CLIHarness()
    static let corpus = [
        "Robert'); DROP TABLE candidate;--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://evil\",\"x\")",
        "+1+1", "@SUM(A1)", "../../etc/passwd", "{{name}}", "\u{202E}txt.exe",
    ]

    @Test("hostile names in flags and in a score sheet are stored as sent and inert in every report format")
    func flagsAndSheets() async throws {
        for command in CLIHarness.panelCommands { #expect(await cli.run(command).code == 0) }
        var rows: [String] = []
        for (index, payload) in Self.corpus.enumerated() {
            let added = await cli.run(["candidates", "add", "--name", payload, "--email", "hostile\(index)@example.com", "--source", payload])
            #expect(added.code == 0 || added.code == 64 || added.code == 1, "\(payload.debugDescription): exit \(added.code)")
            let quoted = "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            rows.append(
                "Backend Engineer,\(quoted),sheet\(index)@example.com,technical,grace@example.com,apis-http,3,yes,2026-11-03T10:00:00Z,\(quoted)")
        }
        let sheet = cli.directory.appendingPathComponent("hostile.csv").path
        try ([ScoreImportCommandTests.header] + rows).joined(separator: "\r\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = await cli.run(["scores", "import", sheet, "--create-missing"])
        #expect(imported.code == 0, "\(imported.out)\(imported.err)")
        let listed = await cli.run(["candidates", "list", "--format", "json"])
        let names = (try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        for payload in Self.corpus {
            #expect(names.filter { $0 == payload }.count == 2, "\(payload.debugDescription) stored as sent, by flag and by sheet")
        }

        let html = await cli.run(["report", "position", "1", "--format", "html"]).out
        #expect(!html.lowercased().contains("<script>alert") && !html.contains("<img src=x"), "the HTML report escapes every name")
        let markdown = await cli.run(["report", "position", "1", "--format", "md"]).out
        let rawTag = try NSRegularExpression(pattern: #"(?<!\\)<(script|img)"#, options: [.caseInsensitive])
        #expect(rawTag.firstMatch(in: markdown, range: NSRange(markdown.startIndex..., in: markdown)) == nil, "Markdown escapes angle brackets")
        for format in [["--format", "csv"], ["--format", "csv", "--long"]] {
            let csv = await cli.run(["report", "position", "1"] + format).out
            for cell in csv.split(separator: "\n").flatMap({ $0.split(separator: ",") }) {
                let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(
                    !(bare.hasPrefix("=") || bare.hasPrefix("+") || bare.hasPrefix("@")), "a CSV cell a spreadsheet would run: \(cell) (\(format))")
            }
        }
    }
}
