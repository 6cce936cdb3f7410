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
    ///
    /// Counts, for every unit, each subset of its coders (all subsets up to eight coders; beyond that
    /// the whole panel and the panel less one), so the search is linear in the number of units.
    public func largestCompleteBlock() -> (coders: [Int64], units: [Unit])? {
        let units = pairableUnits
        var counts: [[Int64]: Int] = [:]
        for unit in units {
            for subset in Self.coderSubsets(Array(cells[unit]!.keys).sorted()) { counts[subset, default: 0] += 1 }
        }
        let ordered = counts.keys.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var best: (coders: [Int64], cells: Int)?
        for coders in ordered where counts[coders]! >= 2 {
            let size = counts[coders]! * coders.count
            if best == nil || size > best!.cells { best = (coders, size) }
        }
        guard let best else { return nil }
        return (best.coders, units.filter { unit in best.coders.allSatisfy { cells[unit]![$0] != nil } })
    }

    private static func coderSubsets(_ coders: [Int64]) -> [[Int64]] {
        guard coders.count <= 8 else {
            return [coders]
                + coders.indices.map { index in
                    var smaller = coders; smaller.remove(at: index); return smaller
                }
        }
        var subsets: [[Int64]] = []
        for mask in 1..<(1 << coders.count) where mask.nonzeroBitCount >= 2 {
            subsets.append(coders.indices.filter { mask & (1 << $0) != 0 }.map { coders[$0] })
        }
        return subsets
    }
}
