/// A scorecard's value per competency, in competency-id order: a handful of pairs in one short
/// array. A dictionary per scorecard was about 280 bytes and a hash per look-up; a position of
/// 240,000 scorecards held 67 MB of them while its report was built.
public struct CompetencyValues: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private struct Entry: Hashable, Sendable {
        let id: String
        let value: Double
    }

    private let entries: [Entry]

    /// The pairs of `values`, whatever their order.
    public init(_ values: [String: Double]) {
        self.init(distinct: values.map { (id: $0.key, value: $0.value) })
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    /// Pairs of distinct ids, in any order.
    init(distinct pairs: [(id: String, value: Double)]) {
        entries = pairs.map { Entry(id: $0.id, value: $0.value) }.sorted { $0.id < $1.id }
    }

    /// The value of competency `id`, nil when it has no signal.
    public subscript(id: String) -> Double? {
        entries.first { $0.id == id }?.value
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// The competencies with a value, in id order.
    public var ids: [String] { entries.map(\.id) }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: Double)> {
        entries.lazy.map { (key: $0.id, value: $0.value) }.makeIterator()
    }
}
