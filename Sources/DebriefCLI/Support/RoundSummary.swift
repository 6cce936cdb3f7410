import DebriefCore
import DebriefStore
import Foundation

/// A round with the names a person reads instead of ids.
struct RoundSummary: Encodable {
    let id: Int64
    let kind: String
    let scheduledAt: Date
    let candidate: String
    let candidateEmail: String
    let position: String
    let interviewers: [String]

    static func load(_ store: AppDatabase, candidateID: Int64? = nil, positionID: Int64? = nil) async throws -> [RoundSummary] {
        let rounds = try await store.rounds(candidateID: candidateID, positionID: positionID)
        guard !rounds.isEmpty else { return [] }
        let candidates = Dictionary(uniqueKeysWithValues: try await store.candidates().map { ($0.id ?? 0, $0) })
        let positions = Dictionary(uniqueKeysWithValues: try await store.positions().map { ($0.id ?? 0, $0) })
        let users = Dictionary(uniqueKeysWithValues: try await store.users().map { ($0.id ?? 0, $0) })
        return rounds.map { round in
            RoundSummary(
                id: round.id ?? 0, kind: round.kind.rawValue, scheduledAt: round.scheduledAt,
                candidate: candidates[round.candidateID]?.name ?? "#\(round.candidateID)",
                candidateEmail: candidates[round.candidateID]?.email.value ?? "",
                position: positions[round.positionID]?.title ?? "#\(round.positionID)",
                interviewers: round.interviewerIDs.map { users[$0]?.email.value ?? "#\($0)" })
        }
    }

    static func table(_ rounds: [RoundSummary], emptyMessage: String) -> String {
        var table = TextTable("ID", "WHEN", "KIND", "CANDIDATE", "POSITION", "INTERVIEWERS")
        for round in rounds {
            table.add(
                "\(round.id)", DateText.string(round.scheduledAt), round.kind, round.candidate, round.position,
                round.interviewers.joined(separator: ", "))
        }
        return table.rendered(emptyMessage: emptyMessage)
    }
}
