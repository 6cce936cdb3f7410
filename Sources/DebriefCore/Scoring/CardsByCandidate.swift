/// A position's scorecards grouped by candidate without copying them: each candidate's come out
/// in their order as an array when asked for, which `Dictionary(grouping:)` held for every candidate
/// at once (a second copy of every scorecard, 18 MB at 240,000 of them).
struct CardsByCandidate: Sendable {
    private let cards: [ScoredCard]
    /// Each candidate's place among the groups.
    private let groupOf: [Int64: Int]
    private let groups: IndexGroups

    init(_ cards: [ScoredCard]) {
        var groupOf: [Int64: Int] = [:]
        var keys: [Int32] = []
        keys.reserveCapacity(cards.count)
        // A round's scorecards come together, so the candidate is mostly the one before.
        var last: (candidateID: Int64, group: Int)?
        for card in cards {
            if card.candidateID != last?.candidateID {
                let group = groupOf[card.candidateID] ?? groupOf.count
                groupOf[card.candidateID] = group
                last = (card.candidateID, group)
            }
            keys.append(Int32(last!.group))
        }
        self.cards = cards
        self.groupOf = groupOf
        groups = IndexGroups(keys: keys, keyCount: groupOf.count)
    }

    /// The candidates with at least one scorecard.
    var candidateIDs: Dictionary<Int64, Int>.Keys { groupOf.keys }

    /// The candidate's scorecards in their order; none for a candidate without any.
    subscript(candidateID: Int64) -> [ScoredCard] {
        guard let group = groupOf[candidateID] else { return [] }
        return groups.members(of: group).map { cards[Int($0)] }
    }
}
