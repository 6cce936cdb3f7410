import DebriefCore
import Testing

@Suite("Score sheets")
struct ScoreSheetTests {
    static let header = ScoreSheet.columns.joined(separator: ",")

    @Test("rows group into one scorecard per position, candidate, round and interviewer")
    func groups() throws {
        let sheet = try ScoreSheet(
            csv: """
                \(Self.header)
                Backend Engineer,Ada Lovelace,ada@example.com,technical,grace@example.com,apis-http,3,yes,2026-11-03T10:00:00Z,clear
                Backend Engineer,Ada Lovelace,ADA@example.com,Technical,grace@example.com,databases,none,,2026-11-03,
                Backend Engineer,Ada Lovelace,ada@example.com,technical,alan@example.com,apis-http,2,no,2026-11-03,
                """)
        #expect(sheet.groups.count == 2)
        let grace = try #require(sheet.groups.first)
        #expect(grace.ratings.map(\.value) == [.point(3), .noSignal])
        #expect(grace.recommendation == .yes)
        #expect(grace.ratings.first?.note == "clear")
        #expect(grace.line == 2)
    }

    @Test("every bad row is reported with its line and column, not only the first")
    func reportsAll() {
        let csv = """
            \(Self.header)
            Backend Engineer,Ada,ada-at-example,technical,grace@example.com,apis-http,3,yes,2026-11-03,
            Backend Engineer,Ada,ada@example.com,technical,grace@example.com,apis-http,three,yes,2026-11-03,
            Backend Engineer,Ada,ada@example.com,technical,grace@example.com,databases,3,maybe,2026-11-03,
            Backend Engineer,Ada,ada@example.com,hr,grace@example.com,communication,3,yes,yesterday,
            Backend Engineer,Ada,ada@example.com,technical
            """
        do {
            _ = try ScoreSheet(csv: csv)
            Issue.record("accepted a sheet with bad rows")
        } catch {
            #expect(error.problems.map(\.line) == [2, 3, 4, 5, 6])
            #expect(error.problems.map(\.column) == ["candidate_email", "rating", "recommendation", "submitted_at", nil])
            #expect(error.description.contains("line 3, column rating: 'three' is not a rating"))
        }
    }

    @Test("one scorecard's rows must agree, and a competency is rated once")
    func consistency() {
        let csv = """
            \(Self.header)
            Backend Engineer,Ada,ada@example.com,technical,grace@example.com,apis-http,3,yes,2026-11-03,
            Backend Engineer,Ada,ada@example.com,technical,grace@example.com,apis-http,2,no,2026-11-03,
            """
        #expect(throws: ScoreSheetError.self) { try ScoreSheet(csv: csv) }
        do { _ = try ScoreSheet(csv: csv) } catch {
            #expect(error.problems.map(\.column) == ["competency", "recommendation"])
        }
    }

    @Test("the header must be the documented one", arguments: ["", "position,candidate\nx,y", "name,email"])
    func header(_ csv: String) {
        #expect(throws: ScoreSheetError.self) { try ScoreSheet(csv: csv) }
    }

    @Test("a header with no rows is refused")
    func noRows() {
        #expect(throws: ScoreSheetError.self) { try ScoreSheet(csv: Self.header + "\n") }
    }
}
