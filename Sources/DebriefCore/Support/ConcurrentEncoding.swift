import Foundation

/// How long arrays are split to be encoded and written at once.
enum ConcurrentEncoding {
    /// Shorter arrays (every API reply's) are encoded in line: handing them out would cost more.
    static let smallestArray = 2_048

    /// Contiguous ranges covering `count` elements, a few per core.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let pieces = max(1, min(count, 4 * ProcessInfo.processInfo.activeProcessorCount))
        return (0..<pieces).map { (count * $0 / pieces)..<(count * ($0 + 1) / pieces) }
    }

    /// A tree's nodes handed to the threads that each read or fill their own part of it.
    struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
