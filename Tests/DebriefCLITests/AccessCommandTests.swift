import DebriefCore
import DebriefStore
import Foundation
import Testing

@testable import DebriefCLI

@Suite("debrief users token, users revoke-tokens and serve")
struct AccessCommandTests {
    let cli = try! CLIHarness()

    @Test("a token is printed once and signs its user in; revoking ends it")
    func tokenLifecycle() async throws {
        #expect(await cli.run("users add --name Riley --email riley@debrief.example --role recruiter").code == 0)
        let issued = await cli.run("users token riley@debrief.example --label laptop --days 7")
        #expect(issued.code == 0, "\(issued.err)")
        #expect(issued.out.contains("Riley <riley@debrief.example> (recruiter), laptop"))
        let quiet = await cli.run("users token riley@debrief.example --quiet")
        let token = try #require(AccessToken(presented: quiet.out.trimmingCharacters(in: .whitespacesAndNewlines)))
        let store = try AppDatabase.open(path: cli.databasePath)
        #expect(try await store.session(presenting: token)?.principal.label == "riley@debrief.example")

        let revoked = await cli.run("users revoke-tokens riley@debrief.example")
        #expect(revoked.out.contains("Revoked 2 tokens and ended 0 browser sessions of riley@debrief.example"))
        #expect(try await store.session(presenting: token) == nil)
    }

    @Test("users invite adds a new person with the role and prints a one-time link under the base address")
    func invite() async throws {
        let result = await cli.run(
            ["users", "invite", "nia@debrief.example", "--role", "recruiter", "--name", "Nia", "--base-url", "https://debrief.example.org/"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("Invite for Nia <nia@debrief.example> (recruiter), valid until"))
        let link = try #require(result.out.split(separator: "\n").last.map(String.init))
        #expect(link.hasPrefix("https://debrief.example.org/invite/dbi_"))
        let store = try AppDatabase.open(path: cli.databasePath)
        let token = try #require(AccessToken(presented: String(link.split(separator: "/").last!), kind: .invite))
        #expect(try await store.invitedUser(presenting: token)?.role == .recruiter)
        let quiet = await cli.run(["users", "invite", "nia@debrief.example", "--quiet"], environment: ["DEBRIEF_BASE_URL": "http://h:1"])
        #expect(quiet.out.hasPrefix("http://h:1/invite/dbi_") && quiet.out.split(separator: "\n").count == 1)
        #expect(await cli.run(["users", "invite", "nia@debrief.example", "--role", "chef"]).code == 64)
    }

    @Test("users deactivate stops a user's token at once, and reactivate lets them back")
    func deactivate() async throws {
        #expect(await cli.run("users add --name Riley --email riley@debrief.example --role recruiter").code == 0)
        let quiet = await cli.run("users token riley@debrief.example --quiet")
        let token = try #require(AccessToken(presented: quiet.out.trimmingCharacters(in: .whitespacesAndNewlines)))
        let off = await cli.run("users deactivate riley@debrief.example")
        #expect(off.code == 0 && off.out.contains("Deactivated riley@debrief.example"))
        let store = try AppDatabase.open(path: cli.databasePath)
        #expect(try await store.session(presenting: token) == nil)
        #expect(await cli.run("users reactivate riley@debrief.example").code == 0)
        #expect(try await store.session(presenting: token) != nil)
        #expect(await cli.run("users deactivate nobody@debrief.example").code == 1)
    }

    @Test("users role changes a role and keeps the last admin; audit lists what happened, filtered")
    func roleAndAudit() async throws {
        #expect(await cli.run("users add --name Avery --email avery@debrief.example --role admin").code == 0)
        #expect(await cli.run("users add --name Riley --email riley@debrief.example --role interviewer").code == 0)
        let promoted = await cli.run("users role riley@debrief.example --role recruiter")
        #expect(promoted.code == 0 && promoted.out.contains("riley@debrief.example is now a recruiter"), "\(promoted.err)")
        let last = await cli.run("users role avery@debrief.example --role recruiter")
        #expect(last.code == 1 && last.err.contains("Avery is the last admin who can sign in"))
        let lastOff = await cli.run("users deactivate avery@debrief.example")
        #expect(lastOff.code == 1 && lastOff.err.contains("last admin"))
        #expect(await cli.run("users role riley@debrief.example --role chef").code == 64)
        let audit = await cli.run(["audit", "--entity", "user", "--action", "change role"])
        #expect(audit.code == 0 && audit.out.contains("change role user #2") && audit.out.contains("1 event matches."), "\(audit.out)")
        let json = await cli.run("audit --entity user --limit 1 --format json")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(events.count == 1 && events[0]["action"] as? String == "change role", "newest first")
        #expect(await cli.run("audit --since 2999-01-01").out.contains("No audit events match."))
        #expect(await cli.run("audit --since yesterday").code == 64)
    }

    @Test("token flags are checked before anything is written", arguments: ["--days 0", "--days 400", "--label ''"])
    func badTokenFlags(flags: String) async {
        let result = await cli.run(["users", "token", "riley@debrief.example"] + flags.split(separator: " ").map { $0 == "''" ? "" : String($0) })
        #expect(result.code == 64, "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }

    @Test("a token for an unknown user fails naming the email")
    func unknownUser() async {
        let result = await cli.run("users token nobody@debrief.example")
        #expect(result.code == 1)
        #expect(result.err.contains("nobody@debrief.example"))
    }

    @Test(
        "serve refuses an unknown log format or level, and a write rate, heavy-job count or memory budget out of range, naming the choices",
        arguments: [
            ["--log-format", "xml"], ["--log-level", "loud"], ["--write-rate", "0"], ["--heavy-jobs", "0"], ["--memory-budget", "10"],
        ])
    func badServeFlags(flags: [String]) async {
        let result = await cli.run(["serve"] + flags)
        let named = ["text or json", "trace, debug, info", "from 1 to 100000", "from 1 to 256, not '0'", "from 64 to 1048576, not '10'"].contains {
            result.err.contains($0)
        }
        #expect(result.code == 64 && named, "\(result.err)")
    }

    @Test("serve refuses a DEBRIEF_HEAVY_JOBS or DEBRIEF_MEMORY_BUDGET that is not a number, naming the variable")
    func badHeavyWorkEnvironment() async {
        for (variable, value) in [("DEBRIEF_HEAVY_JOBS", "many"), ("DEBRIEF_MEMORY_BUDGET", "1GB")] {
            let result = await cli.run(["serve"], environment: [variable: value, "DEBRIEF_RUBRICS": CLIHarness.rubricsPath])
            #expect(result.code == 64 && result.err.contains("not '\(value)'") && result.err.contains(variable), "\(result.err)")
        }
    }

    @Test("serve refuses a DEBRIEF_SECURE_COOKIES that is neither true nor false")
    func badSecureCookies() async {
        let result = await cli.run(["serve"], environment: ["DEBRIEF_SECURE_COOKIES": "maybe", "DEBRIEF_RUBRICS": CLIHarness.rubricsPath])
        #expect(result.code == 64 && result.err.contains("DEBRIEF_SECURE_COOKIES is true or false, not 'maybe'"), "\(result.err)")
    }

    @Test("serve refuses a bad port from the flag or DEBRIEF_PORT", arguments: [["--port", "0"], ["--port", "70000"]])
    func badPort(flags: [String]) async {
        let result = await cli.run(["serve"] + flags)
        #expect(result.code == 64)
        #expect(result.err.contains("port must be a number from 1 to 65535"))
    }

    @Test("serve reads DEBRIEF_PORT and says where it is wrong")
    func badPortVariable() async {
        let result = await cli.run(["serve"], environment: ["DEBRIEF_PORT": "http"])
        #expect(result.code == 64)
        #expect(result.err.contains("not 'http' (--port or DEBRIEF_PORT)"))
    }

    @Test("only serve runs its tasks on the server's event loops; every other command keeps Swift's default pool")
    func eventLoopTasks() {
        #expect(DebriefCLI.runsTasksOnEventLoops(["serve", "--port", "9000"]))
        for other in [[], ["help", "serve"], ["report", "position", "1"], ["import", "serve"], ["--help"]] {
            #expect(!DebriefCLI.runsTasksOnEventLoops(other), "\(other)")
        }
    }

    @Test("the malloc arena cap, the trim before rendering a report and the batch's syncfs are found in glibc")
    func mallocArenas() {
        // glibc's own default (eight per core), so the test process's allocator is left as it was.
        #expect(DebriefCLI.limitMallocArenas(to: 8 * ProcessInfo.processInfo.activeProcessorCount))
        #expect(GlibcExtras.returnFreedMemory())
        #expect(GlibcExtras.syncfs != nil, "report batches would fall back to sync(), which flushes every disk")
    }
}
