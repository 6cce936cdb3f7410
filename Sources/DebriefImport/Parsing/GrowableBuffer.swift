/// An append-only buffer of plain values in one malloc'd block that grows by doubling: the page
/// tree's storage, whose base pointer stays put once parsing is done so nodes can be plain pointers.
///
/// With `keepsOutgrownBlocks`, a block the buffer outgrows is kept (and freed with the buffer), so a
/// reader on another thread that still holds the old base reads valid, unchanged values.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private let keepsOutgrownBlocks: Bool
    private var outgrown: [UnsafeMutablePointer<Element>] = []

    init(capacity: Int, keepsOutgrownBlocks: Bool = false) {
        self.capacity = max(16, capacity)
        self.keepsOutgrownBlocks = keepsOutgrownBlocks
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf pointer: UnsafePointer<Element>, count extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
        (base + count).update(from: pointer, count: extra)
        count += extra
    }

    /// Drops the last `n` elements (the page tree un-terminates a text run to extend it).
    mutating func removeLast(_ n: Int) {
        count -= n
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.initialize(from: base, count: count)
        if keepsOutgrownBlocks { outgrown.append(base) } else { base.deallocate() }
        base = bigger
        capacity = newCapacity
    }

    /// Frees the storage; the buffer must not be used afterwards.
    func deallocate() {
        base.deallocate()
        outgrown.forEach { $0.deallocate() }
    }
}
