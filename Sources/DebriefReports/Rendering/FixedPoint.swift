import DebriefCore
import Foundation

/// A number with a fixed count of decimals, exactly as `String(format: "%.Nf")` writes it: glibc's
/// `printf` conversion (its rounding of the exact binary value), reached through `strfromd`, which
/// takes the one double. `String(format:)` boxed its argument and went through Foundation's format
/// machinery: 8% of `report --all --format html`, which prints a few hundred figures per page.
enum FixedPoint {
    static func text(_ value: Double, decimals: Int) -> String {
        guard let strfromd = GlibcExtras.strfromd, formats.indices.contains(decimals) else {
            return String(format: "%.\(decimals)f", value)
        }
        // 309 digits before the point at most, the decimals and a sign: 330 bytes hold every case asked for here.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 330) { buffer in
            let written = formats[decimals].withUnsafeBufferPointer { strfromd(buffer.baseAddress, buffer.count, $0.baseAddress, value) }
            guard written >= 0, Int(written) < buffer.count else { return String(format: "%.\(decimals)f", value) }
            return buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: Int(written)) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(written)), as: UTF8.self)
            }
        }
    }

    /// `%.0f` to `%.6f`, NUL-terminated.
    private static let formats: [[CChar]] = (0...6).map { Array("%.\($0)f".utf8CString) }
}
