import Foundation
import Testing

@Suite("Demo data")
struct DemoCommandTests {
    @Test("is the same for the same seed and reaches every stage")
    func deterministic() async throws {
        let first = try CLIHarness(), second = try CLIHarness()
        let arguments = ["demo", "generate", "--candidates", "30", "--seed", "7", "--today", "2026-11-01"]
        #expect(await first.run(arguments).code == 0)
        #expect(await second.run(arguments).code == 0)
        let listA = await first.run("candidates list --format json").out
        let listB = await second.run("candidates list --format json").out
        #expect(listA == listB)
        let candidates = try JSONSerialization.jsonObject(with: Data(listA.utf8)) as? [[String: Any]] ?? []
        #expect(candidates.count == 30)
        let stages = Set(candidates.compactMap { $0["stage"] as? String })
        #expect(stages.count >= 5, "stages reached: \(stages)")
        #expect(await first.run("rounds list --format json").out == (await second.run("rounds list --format json").out))
    }

    @Test("refuses to pile onto a database that already has candidates")
    func refusesNonEmpty() async {
        let cli = try! CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "3"]).code == 0)
        let again = await cli.run(["demo", "generate", "--candidates", "3"])
        #expect(again.code == 1)
        #expect(again.err.contains("already holds candidates"))
    }
}
