import DebriefCore
import Foundation
import GRDB

/// A date as GRDB stores it ("yyyy-MM-dd HH:mm:ss.SSS", UTC), written without a `DateFormatter`
/// (see `CivilTime`).
///
/// GRDB binds a `Date` through Foundation's formatter, which goes through ICU: a tenth of the token
/// look-up that every API request makes. This writes the same text from the calendar arithmetic
/// alone; `StoredTimestampTests` checks it against GRDB's own text over many dates.
enum StoredTimestamp {
    /// GRDB's text for `date`: this one's for the years 1600 to 9999, GRDB's own formatter's outside them.
    static func text(of date: Date) -> String {
        guard let time = CivilTime(date) else { return fallback(date) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(23)
        time.appendDateAndTime(separator: UInt8(ascii: " "), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        CivilTime.append(time.millisecond, digits: 3, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func fallback(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }
}
