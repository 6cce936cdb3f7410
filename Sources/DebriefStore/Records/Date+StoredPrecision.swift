import Foundation

extension Date {
    /// The date as SQLite keeps it: GRDB stores dates to the millisecond, so a value is rounded
    /// before it is written and reads back equal to what the caller was given.
    var storedPrecision: Date {
        Date(timeIntervalSinceReferenceDate: (timeIntervalSinceReferenceDate * 1_000).rounded(.down) / 1_000)
    }
}
