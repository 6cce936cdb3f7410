/// The distinct tag and attribute names of a page, each with what the importer knows of it, by name
/// id. Grows by doubling like `GrowableBuffer`; with `keepsOutgrownBlocks`, outgrown blocks stay
/// valid until the table is freed, for a reader on another thread.
struct NameTable {
    private(set) var names: UnsafeMutablePointer<String>
    private(set) var traits: UnsafeMutablePointer<ElementTraits>
    private(set) var count = 0
    private var capacity: Int
    private let keepsOutgrownBlocks: Bool
    private var outgrown: [(names: UnsafeMutablePointer<String>, traits: UnsafeMutablePointer<ElementTraits>, count: Int)] = []

    init(capacity: Int = 64, keepsOutgrownBlocks: Bool = false) {
        self.capacity = capacity
        self.keepsOutgrownBlocks = keepsOutgrownBlocks
        names = .allocate(capacity: capacity)
        traits = .allocate(capacity: capacity)
    }

    /// Adds a name and returns its id.
    mutating func append(_ name: String) -> Int32 {
        if count == capacity { grow() }
        (names + count).initialize(to: name)
        (traits + count).initialize(to: ElementTraits(name: name))
        count += 1
        return Int32(count - 1)
    }

    private mutating func grow() {
        capacity *= 2
        let biggerNames = UnsafeMutablePointer<String>.allocate(capacity: capacity)
        let biggerTraits = UnsafeMutablePointer<ElementTraits>.allocate(capacity: capacity)
        if keepsOutgrownBlocks {
            biggerNames.initialize(from: names, count: count)
            biggerTraits.initialize(from: traits, count: count)
            outgrown.append((names, traits, count))
        } else {
            biggerNames.moveInitialize(from: names, count: count)
            biggerTraits.moveInitialize(from: traits, count: count)
            names.deallocate()
            traits.deallocate()
        }
        names = biggerNames
        traits = biggerTraits
    }

    /// Frees the table; it must not be used afterwards.
    func deallocate() {
        for block in outgrown + [(names, traits, count)] {
            block.names.deinitialize(count: block.count).deallocate()
            block.traits.deinitialize(count: block.count).deallocate()
        }
    }
}
