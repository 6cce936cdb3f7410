import ArgumentParser
import DebriefCore
import DebriefReports
import DebriefService
import DebriefStore
import Foundation

/// `debrief audit`: the audit log, newest first, filtered as the admin page filters it.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit log, newest first.",
        discussion: "Every change, sign-in and failure is there with who did it and the record before and after.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only events whose actor contains this (an email, cli:NAME).") var actor: String?
    @Option(help: "Only events about this kind of record (candidate, round, scorecard, user, ...).") var entity: String?
    @Option(help: "Only this action (create, move, submit, amend, sign in, ...).") var action: String?
    @Option(help: "Only events at or after this date or time (ISO 8601).", transform: Self.date) var since: Date?
    @Option(help: "Only events before this date or time (ISO 8601).", transform: Self.date) var until: Date?
    @Option(help: "At most this many events.") var limit: Int = 50
    @OptionGroup var output: FormatOptions

    static func date(_ text: String) throws -> Date {
        guard let date = ISO8601.parse(text) else { throw ValidationError("'\(text)' is not a date such as 2026-12-01 or 2026-12-01T09:00Z") }
        return date
    }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more, not \(limit)") }
    }

    func run() async throws {
        let filter = AuditFilter(actor: actor, entity: entity, action: action, since: since, until: until, limit: limit)
        let (events, total) = try await DebriefService(database: try database.open(), rubrics: nil).auditLog(filter, by: database.principal)
        try output.print(events) { events in
            guard !events.isEmpty else { return "No audit events match." }
            let lines = events.map { event in
                "\(ISO8601.utcSeconds(event.at))  \(event.actor)  \(event.action) \(event.entity)\(event.entityID.map { " #\($0)" } ?? "")"
                    + (event.requestID.map { "  (request \($0))" } ?? "")
            }
            return (lines + [CountedNoun.matches(total, "event", shown: events.count)]).joined(separator: "\n")
        }
    }
}
