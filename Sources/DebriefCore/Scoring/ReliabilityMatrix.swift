/// Ratings arranged for agreement statistics: units are (candidate, competency) pairs, coders are
/// interviewers, cells are the interviewer's rating (their mean if they rated the unit twice).
public struct ReliabilityMatrix: Sendable {
    public struct Unit: Hashable, Sendable, Comparable {
        public let candidateID: Int64
        public let competency: String

        public static func < (lhs: Unit, rhs: Unit) -> Bool {
            (lhs.candidateID, lhs.competency) < (rhs.candidateID, rhs.competency)
        }
    }

    /// Unit → interviewer → value.
    public let cells: [Unit: [Int64: Double]]

    public init(cards: [ScoredCard]) {
        var sums: [Unit: [Int64: (total: Double, count: Int)]] = [:]
        for card in cards {
            for (competency, value) in card.values {
                let unit = Unit(candidateID: card.candidateID, competency: competency)
                let current = sums[unit]?[card.interviewerID] ?? (0, 0)
                sums[unit, default: [:]][card.interviewerID] = (current.total + value, current.count + 1)
            }
        }
        self.init(cells: sums.mapValues { row in row.mapValues { $0.total / Double($0.count) } })
    }

    init(cells: [Unit: [Int64: Double]]) {
        self.cells = cells
        pairableUnits = cells.filter { $0.value.count >= 2 }.keys.sorted()
    }

    /// Units that two or more interviewers rated, in a stable order. Worked out once: agreement walks
    /// them and counts their coders, and sorting a large position's units is not free.
    public let pairableUnits: [Unit]

    /// The interviewers who rated at least one pairable unit.
    public var coders: Set<Int64> {
        Set(pairableUnits.flatMap { cells[$0]!.keys })
    }
}
