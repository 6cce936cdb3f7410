import DebriefCore
import Foundation
import Testing

@testable import DebriefReports

/// The report's own number and date writers against the `String(format:)` they stand in for.
@Suite("Figures as reports print them")
struct FiguresTests {
    @Test("fixed decimals are what String(format:) writes, rounding of halfway and huge values included")
    func fixedPointMatchesFormat() {
        #expect(GlibcExtras.strfromd != nil, "glibc's strfromd was not found, so this compares String(format:) with itself")
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 2.675, 0.125, 0.375, 1.005, -1.005, 2.5, 3.5, -2.5, 0.05, 1e-7, 123_456_789.995, 1e20, 1.7976931348623157e308,
            -1.7976931348623157e308, 5e-324, .pi, -.pi, .infinity, -.infinity, .nan,
        ]
        for _ in 0..<20_000 {
            values.append(Double.random(in: -10...10, using: &random))
            values.append(Double(Int.random(in: -100_000...100_000, using: &random)) / 1000)  // halfway cases of two decimals
            values.append(Double(bitPattern: random.next()))
        }
        for value in values {
            for decimals in 0...7 {
                #expect(FixedPoint.text(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value) to \(decimals)")
            }
        }
        #expect(Figures.number(2.675) == "2.67" && Figures.number(nil) == "–" && Figures.number(.nan) == "–")
    }

    @Test("dates and times are what String(format:) wrote, in UTC, from the year 1019 to 9999")
    func dateTimeMatchesFormat() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -30_000_000_000...253_402_300_799, using: &random)))
            var seconds = time_t(date.timeIntervalSince1970)
            var t = tm()
            gmtime_r(&seconds, &t)
            let expected = String(format: "%04d-%02d-%02d %02d:%02d UTC", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min)
            #expect(Figures.dateTime(date) == expected)
        }
        #expect(Figures.dateTime(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
    }

    @Test(
        "counts group their thousands",
        arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (20_000, "20,000"), (1_234_567, "1,234,567"), (-4_500, "-4,500")])
    func counts(_ value: Int, _ expected: String) {
        #expect(Figures.count(value) == expected)
    }

    @Test("ISO 8601 dates pad every field")
    func isoDates() {
        #expect(ISO8601.utcSeconds(Date(timeIntervalSince1970: 1_800_000_005)) == "2027-01-15T08:00:05Z")
        #expect(ISO8601.utcSeconds(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
