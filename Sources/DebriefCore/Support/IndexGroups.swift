/// The indexes of a list grouped by a small dense key (`0..<keyCount`), each group in list order:
/// a stable counting sort, four bytes an index and no array per group.
///
/// Grouping a position's million ratings or quarter million scorecards by candidate into an array
/// per candidate held each element a second time, grown by doubling; this holds one index each.
public struct IndexGroups: Sendable {
    /// Where each key's indexes start in `order` (one more entry than keys).
    private let start: [Int]
    private let order: [Int32]

    /// Groups `0..<keys.count` by `keys[index]`, each of which is in `0..<keyCount`.
    public init(keys: [Int32], keyCount: Int) {
        var start = [Int](repeating: 0, count: keyCount + 1)
        for key in keys { start[Int(key) + 1] += 1 }
        for key in 0..<keyCount { start[key + 1] += start[key] }
        var next = start
        var order = [Int32](repeating: 0, count: keys.count)
        for (index, key) in keys.enumerated() {
            order[next[Int(key)]] = Int32(index)
            next[Int(key)] += 1
        }
        self.start = start
        self.order = order
    }

    /// The indexes whose key is `key`, in increasing order.
    public func members(of key: Int) -> ArraySlice<Int32> {
        order[start[key]..<start[key + 1]]
    }
}
