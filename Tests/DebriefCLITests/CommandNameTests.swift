import ArgumentParser
import DebriefCLI
import Testing

@Suite("Command names")
struct CommandNameTests {
    /// ArgumentParser names a command without a `commandName` from its type, through
    /// `String(describing:)` and reflection: about a fifth of a short command's run time, paid by every
    /// command at start-up since the whole tree is named before parsing. Each command says its name.
    @Test("every command and subcommand names itself")
    func everyCommandIsNamed() {
        var unnamed: [String] = []
        var names: [String] = []
        func walk(_ command: any ParsableCommand.Type, path: String) {
            let name = command.configuration.commandName
            if name == nil { unnamed.append("\(path) \(command)") }
            let here = path.isEmpty ? name ?? "?" : "\(path) \(name ?? "?")"
            names.append(here)
            for sub in command.configuration.subcommands { walk(sub, path: here) }
        }
        walk(DebriefCommand.self, path: "")
        #expect(unnamed.isEmpty, "commands without a commandName: \(unnamed)")
        // The names people type, unchanged by naming them explicitly.
        for expected in [
            "debrief positions add", "debrief candidates erase", "debrief rounds schedule", "debrief users revoke-tokens", "debrief users role",
            "debrief report reliability", "debrief scores import", "debrief scorecards submit", "debrief maintenance run", "debrief rubric validate",
        ] {
            #expect(names.contains(expected), "\(expected) is not a command; commands: \(names)")
        }
    }
}
