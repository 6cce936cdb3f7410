/// A list's elements grouped by an id without copying them: each group comes out in list order,
/// as an array, when asked for. `Dictionary(grouping:)` held every element a second time, an array
/// per group grown by doubling (18 MB for a position's 240,000 scorecards by candidate), and made
/// them all before the first was needed.
public struct GroupedByID<Element: Sendable>: Sendable {
    /// Every element, in list order.
    public let elements: [Element]
    /// Each id's place among the groups.
    private let groupOf: FirstSeenNumbers
    private let groups: IndexGroups

    public init(_ elements: [Element], by id: (Element) -> Int64) {
        var groupOf = FirstSeenNumbers()
        let keys = elements.map { Int32(groupOf.number(of: id($0))) }
        self.elements = elements
        self.groupOf = groupOf
        groups = IndexGroups(keys: keys, keyCount: groupOf.count)
    }

    /// The ids with at least one element.
    public var ids: Dictionary<Int64, Int>.Keys { groupOf.ids }

    /// The elements with `id`, in list order; none for an id without any.
    public subscript(id: Int64) -> [Element] {
        positions(of: id).map { elements[$0] }
    }

    /// Where the elements with `id` are in `elements`, in list order: for reading them in place
    /// rather than copying each (a scorecard copied retains every string it holds, and two threads
    /// retaining the same ones take turns on their counts).
    public func positions(of id: Int64) -> [Int] {
        guard let group = groupOf.known(id) else { return [] }
        return groups.members(of: group).map(Int.init)
    }
}
