/// Ids numbered `0, 1, 2…` in the order first met. Neighbours in a position's lists mostly share an
/// id (a scorecard's ratings its candidate and interviewer, a round's scorecards their candidate), so
/// the dictionary is asked only when the id changes.
struct FirstSeenNumbers: Sendable {
    private var numbers: [Int64: Int] = [:]
    private var last: (id: Int64, number: Int)?

    /// How many ids have been numbered.
    var count: Int { numbers.count }

    /// The ids numbered so far.
    var ids: Dictionary<Int64, Int>.Keys { numbers.keys }

    /// The number of `id`, numbering it if it is new.
    mutating func number(of id: Int64) -> Int {
        if let last, last.id == id { return last.number }
        let number: Int
        if let known = numbers[id] {
            number = known
        } else {
            number = numbers.count
            numbers[id] = number
        }
        last = (id, number)
        return number
    }

    /// The number of `id`, nil when it was never met.
    func known(_ id: Int64) -> Int? { numbers[id] }
}
