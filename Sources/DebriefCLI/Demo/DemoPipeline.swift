import DebriefCore
import Foundation

/// A realistic, deterministic hiring pipeline for newcomers to click through.
struct DemoPipeline {
    struct PlannedRound {
        let candidateIndex: Int
        let positionIndex: Int
        let kind: RoundKind
        let scheduledAt: Date
        let interviewerIndexes: [Int]
    }

    var users: [User] = []
    var positions: [Position] = []
    /// Candidates as they applied; `moves[i]` walks candidate i along the pipeline after their rounds.
    var candidates: [Candidate] = []
    var moves: [[PipelineStage]] = []
    var rounds: [PlannedRound] = []

    private static let firstNames = [
        "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Linus", "Radia", "Tim",
        "Hedy", "Dennis", "Katherine", "John", "Sophie", "Niklaus", "Anita", "Leslie", "Mary", "Bjarne", "Jean", "Guido",
    ]
    private static let lastNames = [
        "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Torvalds",
        "Perlman", "Berners-Lee", "Lamarr", "Ritchie", "Johnson", "McCarthy", "Wilson", "Wirth", "Borg", "Lamport",
    ]
    private static let sources = ["referral", "job board", "careers page", "conference", "agency", "university fair"]
    private static let openings: [(title: String, level: String, rubric: String)] = [
        ("Backend Engineer", "mid", "backend-engineer"),
        ("Senior Backend Engineer", "senior", "backend-engineer"),
        ("Engineering Manager", "senior", "engineering-manager"),
    ]

    /// Builds the pipeline for `candidateCount` candidates and `interviewerCount` interviewers from `seed`.
    init(candidates candidateCount: Int, interviewers interviewerCount: Int, seed: UInt64, now: Date) throws {
        var random = SeededGenerator(seed: seed)
        users.append(try User(name: "Riley Recruiter", email: EmailAddress("recruiter@debrief.example"), role: .recruiter))
        for index in 0..<interviewerCount {
            let name = "\(Self.firstNames[(index * 7) % Self.firstNames.count]) \(Self.lastNames[(index * 3) % Self.lastNames.count])"
            users.append(try User(name: name, email: EmailAddress("interviewer\(index + 1)@debrief.example"), role: .interviewer))
        }
        positions = try Self.openings.map { try Position(title: $0.title, level: $0.level, rubricID: $0.rubric) }
        let stages = PipelineStage.allCases
        for index in 0..<candidateCount {
            let first = Self.firstNames.randomElement(using: &random)!
            let last = Self.lastNames.randomElement(using: &random)!
            let stage = stages[random.int(below: stages.count)]
            let email = try EmailAddress("\(first).\(last).\(index + 1)@candidates.example".lowercased())
            let created = now.addingTimeInterval(-Double(random.int(below: 60)) * 86_400)
            candidates.append(
                try Candidate(
                    name: "\(first) \(last)", email: email, phone: nil, source: Self.sources.randomElement(using: &random),
                    stage: .applied, createdAt: created))
            let roundCount = planRounds(for: index, stage: stage, interviewerCount: interviewerCount, created: created, random: &random)
            moves.append(Self.path(to: stage, afterRounds: roundCount))
        }
    }

    /// The moves that take a new candidate to `stage`; those who left did so after as many steps as they had rounds.
    static func path(to stage: PipelineStage, afterRounds roundCount: Int) -> [PipelineStage] {
        let open: [PipelineStage] = [.screening, .interviewing, .offer, .hired]
        switch stage {
        case .applied: return []
        case .rejected, .withdrawn: return Array(open.prefix(min(roundCount, 2))) + [stage]
        default: return Array(open.prefix(through: open.firstIndex(of: stage)!))
        }
    }

    private mutating func planRounds(
        for candidateIndex: Int, stage: PipelineStage, interviewerCount: Int, created: Date, random: inout SeededGenerator
    ) -> Int {
        let roundCount: Int
        switch stage {
        case .applied: roundCount = 0
        case .screening: roundCount = 1
        case .interviewing: roundCount = 2 + random.int(below: 2)
        case .offer, .hired: roundCount = 4
        case .rejected, .withdrawn: roundCount = random.int(below: 4)
        }
        guard roundCount > 0, interviewerCount > 0 else { return 0 }
        let positionIndex = random.int(below: positions.count)
        for roundIndex in 0..<roundCount {
            let kind = RoundKind.common[roundIndex % RoundKind.common.count]
            let panelSize = min(interviewerCount, kind == .phoneScreen ? 1 : 2)
            var panel: [Int] = []
            while panel.count < panelSize {
                let pick = 1 + random.int(below: interviewerCount)
                if !panel.contains(pick) { panel.append(pick) }
            }
            rounds.append(
                PlannedRound(
                    candidateIndex: candidateIndex, positionIndex: positionIndex, kind: kind,
                    scheduledAt: created.addingTimeInterval(Double(roundIndex + 1) * 3 * 86_400), interviewerIndexes: panel))
        }
        return roundCount
    }
}
