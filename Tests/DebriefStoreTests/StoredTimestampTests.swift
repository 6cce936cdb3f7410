import Foundation
import GRDB
import Testing

@testable import DebriefStore

@Suite("Stored timestamps")
struct StoredTimestampTests {
    /// GRDB's own text for a date: what every other date in the database was written as.
    private func grdbText(_ date: Date) -> String? { String.fromDatabaseValue(date.databaseValue) }

    @Test("the text is GRDB's own, to the millisecond, over dates from year 1 to 9999 (Julian before 1582) and around each millisecond's edge")
    func matchesGRDB() {
        var generator = SystemRandomNumberGenerator()
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_107_542_399.9999), Date(timeIntervalSinceReferenceDate: 0), Date().storedPrecision, Date(),
            Date(timeIntervalSince1970: -62_135_596_800),  // 0001-01-01
            Date(timeIntervalSince1970: 253_402_300_799.999),  // 9999-12-31 23:59:59.999
            // Half a millisecond before 1970 rounds up, towards 1970, as GRDB rounds it.
            Date(timeIntervalSince1970: -7_633_075_046.8825), Date(timeIntervalSince1970: -3_640_807_642.9235),
            Date(timeIntervalSince1970: 1_764_000_000.0005),
        ]
        for _ in 0..<5_000 {  // exact halves of a millisecond, on both sides of 1970
            let halves = Double(Int64.random(in: -10_000_000_000_000...10_000_000_000_000, using: &generator)) + 0.5
            dates.append(Date(timeIntervalSince1970: halves / 1_000))
        }
        for _ in 0..<20_000 {
            let seconds = Double.random(in: -62_135_596_800...253_402_300_799, using: &generator)
            dates.append(Date(timeIntervalSince1970: seconds))
            dates.append(Date(timeIntervalSince1970: seconds.rounded(.down) + 0.999_9))
            dates.append(Date(timeIntervalSince1970: seconds).storedPrecision)
        }
        for _ in 0..<5_000 {  // the years Debrief's rows are written in, where ms edges matter most
            dates.append(Date(timeIntervalSince1970: Double.random(in: 1_700_000_000...2_000_000_000, using: &generator)))
        }
        let mismatches = dates.filter { StoredTimestamp.text(of: $0) != grdbText($0) }
        #expect(
            mismatches.count == 0,
            "first: \(mismatches.prefix(3).map { "\($0.timeIntervalSince1970): \(StoredTimestamp.text(of: $0)) vs \(grdbText($0) ?? "nil")" })")
    }

    @Test("dates outside the years 1600 to 9999 get GRDB's formatter's text")
    func outsideTheCalendarRange() {
        for date in [
            Date.distantPast, Date.distantFuture, Date(timeIntervalSince1970: 1e13), Date(timeIntervalSince1970: -12_219_292_800),
            Date(timeIntervalSince1970: -11_676_096_000.5),
        ] {
            #expect(StoredTimestamp.text(of: date) == grdbText(date))
        }
    }
}
