import DebriefImport
import Foundation
import Testing

@testable import DebriefFuzz

/// Every input a fuzzer found once (`Fixtures/fuzz/TARGET/`) and every seed still runs through its
/// entry point without a crash, in every `make test`, without the fuzzing build.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    @Test("the regression inputs and seeds of each target run without a crash", arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) async throws {
        let folders = (["Fixtures/fuzz/\(target.rawValue)"] + target.seedFolders).map { Self.repository.appendingPathComponent($0).path }
        let inputs = folders.flatMap(DebriefFuzz.files(at:)).filter { target.seedExtensions.contains(($0 as NSString).pathExtension) }
        #expect(inputs.count >= 2, "\(target.rawValue) has too few inputs: \(inputs)")
        #expect(try await DebriefFuzz.replay(target, inputs: inputs) == inputs.count)
    }

    @Test("a deeply nested page is read to a question, with the nesting warning")
    func deepHTML() throws {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("Fixtures/fuzz/html/deeply-nested.html"))
        let found = try QuestionSetImporter().extract(data, source: "deep.html")
        #expect(found.warnings.contains { $0.contains("nests elements more than") })
    }

    @Test("an unreadable input is an error naming it")
    func unreadable() async {
        await #expect(throws: DebriefFuzz.UnreadableInput.self) { try await DebriefFuzz.replay(.html, inputs: ["/nonexistent/page.html"]) }
    }
}
