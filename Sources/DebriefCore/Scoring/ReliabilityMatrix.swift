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

    /// Units that two or more interviewers rated, in a stable order. Worked out once: agreement and
    /// the complete block both walk them, and sorting a large position's units is not free.
    public let pairableUnits: [Unit]

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
        largestCompleteBlock(bitmasks: true)
    }

    /// `bitmasks: false` forces the array-per-subset count that positions with more than 64 interviewers use.
    func largestCompleteBlock(bitmasks: Bool) -> (coders: [Int64], units: [Unit])? {
        let units = pairableUnits
        let allCoders = Set(units.flatMap { cells[$0]!.keys }).sorted()
        let chosen = bitmasks && allCoders.count <= 64 ? Self.bestByMasks(units.map { cells[$0]! }, coders: allCoders) : bestByArrays(units)
        guard let chosen else { return nil }
        return (chosen, units.filter { unit in chosen.allSatisfy { cells[unit]![$0] != nil } })
    }

    /// Each unit's coders as bits of one word, every subset counted as a word: no array per subset,
    /// which at a 20,000-candidate position meant millions of small allocations. Bits follow the
    /// coders' ids, so "lower ids first" is "the lowest bit where two sets differ is set".
    private static func bestByMasks(_ rows: [[Int64: Double]], coders: [Int64]) -> [Int64]? {
        let bit = Dictionary(uniqueKeysWithValues: coders.enumerated().map { ($0.element, UInt64(1) << UInt64($0.offset)) })
        var counts = MaskCounts()
        for row in rows {
            let mask = row.keys.reduce(UInt64(0)) { $0 | bit[$1]! }
            if mask.nonzeroBitCount > 8 {
                counts.add(mask)  // a large panel: the whole of it, and it less one coder
                var rest = mask
                while rest != 0 {
                    counts.add(mask & ~(rest & (~rest &+ 1)))
                    rest &= rest - 1
                }
                continue
            }
            var subset = mask
            while subset != 0 {
                if subset.nonzeroBitCount >= 2 { counts.add(subset) }
                subset = (subset - 1) & mask
            }
        }
        var best: (mask: UInt64, cells: Int)?
        for (mask, count) in counts.all where count >= 2 {
            let cells = count * mask.nonzeroBitCount
            guard let current = best else {
                best = (mask, cells)
                continue
            }
            let differ = mask ^ current.mask
            let precedes =
                mask.nonzeroBitCount != current.mask.nonzeroBitCount
                ? mask.nonzeroBitCount < current.mask.nonzeroBitCount : mask & (differ & (~differ &+ 1)) != 0
            if cells > current.cells || (cells == current.cells && precedes) { best = (mask, cells) }
        }
        guard let best else { return nil }
        return coders.indices.filter { best.mask & (UInt64(1) << UInt64($0)) != 0 }.map { coders[$0] }
    }

    private func bestByArrays(_ units: [Unit]) -> [Int64]? {
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
        return best?.coders
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

/// How often each coder subset occurs, as an open-addressing table of words: a large position
/// counts millions of subsets, and a dictionary's hashing was most of the agreement figures' time.
/// A subset holds two or more coders, so the empty mask 0 marks a free slot.
private struct MaskCounts {
    private var masks = [UInt64](repeating: 0, count: 1_024)
    private var counts = [Int](repeating: 0, count: 1_024)
    private var used = 0

    mutating func add(_ mask: UInt64) {
        var slot = Self.slot(of: mask, in: masks.count)
        while masks[slot] != 0 && masks[slot] != mask { slot = (slot + 1) & (masks.count - 1) }
        if masks[slot] == 0 {
            masks[slot] = mask
            used += 1
            if used * 2 > masks.count {
                counts[slot] = 1
                grow()
                return
            }
        }
        counts[slot] += 1
    }

    /// Every subset seen, with its count, in no particular order.
    var all: [(mask: UInt64, count: Int)] {
        masks.indices.filter { masks[$0] != 0 }.map { (masks[$0], counts[$0]) }
    }

    private mutating func grow() {
        let old = all
        masks = [UInt64](repeating: 0, count: masks.count * 2)
        counts = [Int](repeating: 0, count: masks.count)
        for (mask, count) in old {
            var slot = Self.slot(of: mask, in: masks.count)
            while masks[slot] != 0 { slot = (slot + 1) & (masks.count - 1) }
            masks[slot] = mask
            counts[slot] = count
        }
    }

    /// A multiplicative hash: coder bits cluster in the low end of the word.
    private static func slot(of mask: UInt64, in size: Int) -> Int {
        Int(truncatingIfNeeded: (mask &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - size.trailingZeroBitCount))
    }
}
