import Foundation
import Testing

/// `debrief maintenance run`: data retention through the command line.
@Suite("debrief maintenance run")
struct MaintenanceCommandTests {
    let cli = try! CLIHarness()

    @Test("candidates closed longer ago than the retention period are listed by --dry-run, then erased; open ones never")
    func retention() async throws {
        for command in CLIHarness.panelCommands { #expect(await cli.run(command).code == 0) }
        #expect(await cli.run(["candidates", "add", "--name", "Wendy Withdrawn", "--email", "wendy@example.com"]).code == 0)
        #expect(await cli.run(["candidates", "add", "--name", "Olive Open", "--email", "olive@example.com"]).code == 0)
        #expect(await cli.run(["candidates", "move", "ada@example.com", "--to", "rejected"]).code == 0)
        #expect(await cli.run(["candidates", "move", "wendy@example.com", "--to", "withdrawn"]).code == 0)
        let inTenDays = ISO8601DateFormatter().string(from: Date().addingTimeInterval(10 * 86_400))

        let notYet = await cli.run(["maintenance", "run", "--retention-days", "30", "--as-of", inTenDays, "--dry-run"])
        #expect(notYet.code == 0 && notYet.out.contains("Nobody is due"), "\(notYet.out)\(notYet.err)")
        let listed = await cli.run(["maintenance", "run", "--retention-days", "7", "--as-of", inTenDays, "--dry-run", "--format", "json"])
        let due = try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]], "\(listed.out)\(listed.err)")
        #expect(due.compactMap { $0["candidate_id"] as? Int } == [1, 2] && due.compactMap { $0["stage"] as? String } == ["rejected", "withdrawn"])
        #expect(await cli.run(["candidates", "show", "ada@example.com"]).code == 0, "a dry run changes nothing")

        let unset = await cli.run(["maintenance", "run"])
        #expect(unset.code == 0 && unset.out.contains("No retention period is set"))
        let run = await cli.run(
            ["maintenance", "run", "--as-of", inTenDays], environment: ["USER": "tester", "DEBRIEF_RETENTION_DAYS": "7"])
        #expect(run.code == 0 && run.out.contains("Erased the personal data of 2 candidates (#1, #2)"), "\(run.out)\(run.err)")
        let list = await cli.run(["candidates", "list"])
        #expect(!list.out.contains("Ada") && !list.out.contains("Wendy") && list.out.contains("Olive Open"), "\(list.out)")
        let again = await cli.run(["maintenance", "run", "--retention-days", "7", "--as-of", inTenDays])
        #expect(again.out.contains("Nobody is due"), "an erased candidate is not due again")

        #expect(await cli.run(["maintenance", "run", "--retention-days", "0"]).code == 64)
        #expect(await cli.run(["maintenance", "run"], environment: ["USER": "tester", "DEBRIEF_RETENTION_DAYS": "soon"]).code == 64)
        #expect(await cli.run(["maintenance", "run", "--retention-days", "7", "--as-of", "next week"]).code == 64)
    }
}
