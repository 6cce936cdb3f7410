import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `debrief maintenance run`: the periodic work an operator schedules (cron, a systemd timer).
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance", abstract: "Periodic upkeep of the database: data retention.", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Erase the personal data of candidates rejected or withdrawn longer ago than the retention period.",
            discussion: """
                The period is --retention-days, else $DEBRIEF_RETENTION_DAYS; without either nothing is erased. Each \\
                candidate is erased as `candidates erase` does (ratings kept). --dry-run lists who would be, changing nothing.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Days after rejection or withdrawal that a candidate's personal data is kept (env DEBRIEF_RETENTION_DAYS).")
        var retentionDays: Int?
        @Flag(help: "List the candidates who would be erased; change nothing.") var dryRun = false
        @Option(
            help: "Count the period back from this date or time instead of now (ISO 8601), as in: who is due next week?", transform: AuditCommand.date
        )
        var asOf: Date?
        @OptionGroup var output: FormatOptions

        var resolvedDays: Int? {
            retentionDays ?? CLIEnvironment.variables["DEBRIEF_RETENTION_DAYS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }

        func validate() throws {
            if let raw = CLIEnvironment.variables["DEBRIEF_RETENTION_DAYS"], retentionDays == nil, !raw.isEmpty, Int(raw) == nil {
                throw ValidationError("DEBRIEF_RETENTION_DAYS must be a whole number of days, not '\(raw)'")
            }
            if let days = resolvedDays, days < 1 { throw ValidationError("--retention-days must be 1 or more, not \(days)") }
        }

        static func nobodyDue(_ days: Int) -> String {
            "Nobody is due: no candidate was rejected or withdrew more than \(days) days ago."
        }

        func run() async throws {
            guard let days = resolvedDays else {
                Console.current.line("No retention period is set (--retention-days or DEBRIEF_RETENTION_DAYS); nothing was erased.")
                return
            }
            let service = DebriefService(database: try database.open(), rubrics: nil)
            if dryRun {
                let due = try await service.candidatesDueForErasure(retentionDays: days, now: asOf ?? Date(), by: database.principal)
                try output.print(due) { due in
                    guard !due.isEmpty else { return Self.nobodyDue(days) }
                    var table = TextTable("ID", "STAGE", "CLOSED")
                    for entry in due { table.add("\(entry.candidateID)", entry.stage.rawValue, DateText.string(entry.closedAt)) }
                    return table.rendered(emptyMessage: "")
                        + "\n\(CountedNoun.phrase(due.count, "candidate")) would be erased (dry run; nothing changed)."
                }
                return
            }
            let erased = try await service.applyRetention(retentionDays: days, now: asOf ?? Date(), by: database.principal)
            try output.print(erased) { erased in
                erased.isEmpty
                    ? Self.nobodyDue(days)
                    : "Erased the personal data of \(CountedNoun.phrase(erased.count, "candidate")) (#\(erased.map { "\($0.candidateID)" }.joined(separator: ", #"))); ratings kept."
            }
        }
    }
}
