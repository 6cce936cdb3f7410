/// Ratings arranged for agreement statistics: units are (candidate, competency) pairs, coders are
/// interviewers, cells are the interviewer's rating (their mean if they rated the unit twice).
///
/// Only units two or more interviewers rated are kept, which is all that agreement and calibration
/// read, in one flat array: a dictionary of interviewers per unit was about 90 MB while a
/// 20,000-candidate position's report was built.
public struct ReliabilityMatrix: Sendable {
    public struct Unit: Hashable, Sendable, Comparable {
        public let candidateID: Int64
        public let competency: String

        public static func < (lhs: Unit, rhs: Unit) -> Bool {
            (lhs.candidateID, lhs.competency) < (rhs.candidateID, rhs.competency)
        }
    }

    /// One interviewer's value for a unit.
    public typealias Cell = (interviewer: Int64, value: Double)

    /// Units that two or more interviewers rated, by candidate then competency.
    public let pairableUnits: [Unit]
    /// The cells of every pairable unit, one after another, each unit's by interviewer.
    private let cells: [Cell]
    /// Where each pairable unit's cells start in `cells`, and one past the last.
    private let starts: [Int]

    public init(cards: [ScoredCard]) {
        var units: [Unit] = [], cells: [Cell] = [], starts = [0]
        // At most one cell per value: reserved, not grown by doubling (17 MB for 660,000 values).
        cells.reserveCapacity(cards.reduce(0) { $0 + $1.values.count })
        // A candidate's ratings: (competency, interviewer, value), the order they came in last so a
        // unit rated twice by one interviewer adds up its values in the cards' order.
        var own: [(competency: String, interviewer: Int64, value: Double, order: Int)] = []
        let byCandidate = cards.indices.sorted { (cards[$0].candidateID, $0) < (cards[$1].candidateID, $1) }
        var first = 0
        while first < byCandidate.count {
            let candidate = cards[byCandidate[first]].candidateID
            own.removeAll(keepingCapacity: true)
            var next = first
            while next < byCandidate.count, cards[byCandidate[next]].candidateID == candidate {
                let card = cards[byCandidate[next]]
                for (competency, value) in card.values { own.append((competency, card.interviewerID, value, own.count)) }
                next += 1
            }
            own.sort { ($0.competency, $0.interviewer, $0.order) < ($1.competency, $1.interviewer, $1.order) }
            var index = 0
            while index < own.count {
                let competency = own[index].competency
                let unitStart = cells.count
                while index < own.count, own[index].competency == competency {
                    let interviewer = own[index].interviewer
                    var total = 0.0, count = 0
                    while index < own.count, own[index].competency == competency, own[index].interviewer == interviewer {
                        total += own[index].value
                        count += 1
                        index += 1
                    }
                    cells.append((interviewer, total / Double(count)))
                }
                if cells.count - unitStart >= 2 {
                    units.append(Unit(candidateID: candidate, competency: competency))
                    starts.append(cells.count)
                } else {
                    cells.removeLast(cells.count - unitStart)
                }
            }
            first = next
        }
        (pairableUnits, self.cells, self.starts) = (units, cells, starts)
    }

    /// The cells of `pairableUnits[index]`, by interviewer.
    public func cells(ofPairable index: Int) -> ArraySlice<Cell> {
        cells[starts[index]..<starts[index + 1]]
    }

    /// The interviewers who rated at least one pairable unit.
    public var coders: Set<Int64> {
        var coders = Set<Int64>()
        for cell in cells { coders.insert(cell.interviewer) }
        return coders
    }
}
