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
        cells = sums.mapValues { row in row.mapValues { $0.total / Double($0.count) } }
    }

    init(cells: [Unit: [Int64: Double]]) {
        self.cells = cells
    }

    /// Units that two or more interviewers rated, in a stable order.
    public var pairableUnits: [Unit] {
        cells.keys.filter { cells[$0]!.count >= 2 }.sorted()
    }

    /// The interviewers who rated at least one pairable unit.
    public var coders: Set<Int64> {
        Set(pairableUnits.flatMap { cells[$0]!.keys })
    }

    /// The largest complete block: the set of two or more interviewers and the units all of them
    /// rated that together hold the most cells (at least two units). Ties go to fewer coders, then lower ids.
    public func largestCompleteBlock() -> (coders: [Int64], units: [Unit])? {
        var best: (coders: [Int64], units: [Unit])?
        let candidateSets = Set(pairableUnits.map { Array(cells[$0]!.keys).sorted() })
        var coderSets = Set<[Int64]>()
        for set in candidateSets {
            coderSets.insert(set)
            if set.count > 2 {
                for index in set.indices {  // also try each set with one coder left out
                    var smaller = set
                    smaller.remove(at: index)
                    coderSets.insert(smaller)
                }
            }
        }
        for coders in coderSets.sorted(by: { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }) {
            let units = pairableUnits.filter { unit in coders.allSatisfy { cells[unit]![$0] != nil } }
            guard units.count >= 2 else { continue }
            if best == nil || units.count * coders.count > best!.units.count * best!.coders.count {
                best = (coders, units)
            }
        }
        return best
    }
}
