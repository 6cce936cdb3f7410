import DebriefReports
import DebriefStore
import Foundation
import Testing

@testable import DebriefCore

/// Debrief's JSON encoder against Foundation's `JSONEncoder` with the same options: every byte equal.
@Suite("Debrief's JSON is what JSONEncoder wrote, byte for byte")
struct JSONTreeEncoderTests {
    /// Both ways, compact and pretty; the texts when they differ.
    static func expectSame(_ value: some Encodable, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let compact = (try JSONText.data(compact: value), try FoundationJSON.data(value, pretty: false))
        let pretty = (try JSONText.data(value), try FoundationJSON.data(value, pretty: true))
        // The text is joined from the writer's pieces on a path of its own.
        let text = (Data(try JSONText.string(value).utf8), pretty.1)
        for (ours, foundation) in [compact, pretty, text] where ours != foundation {
            let at = zip(ours, foundation).prefix { $0 == $1 }.count
            let (a, b) = (ours.dropFirst(max(0, at - 40)).prefix(120), foundation.dropFirst(max(0, at - 40)).prefix(120))
            let (shown, expected) = (String(decoding: a, as: UTF8.self).debugDescription, String(decoding: b, as: UTF8.self).debugDescription)
            Issue.record(
                Comment(
                    rawValue: "\(what): differs at byte \(at) of \(ours.count) and \(foundation.count): ours …\(shown)… Foundation's …\(expected)…"),
                sourceLocation: sourceLocation)
        }
    }

    struct Keys: Encodable {
        var camelCaseURLValue = 1, ABC = 2, a1B2 = 3, myID = 4, _leading = 5, trailing_ = 6, URL = 7, isHTTPSOk = 8, x = 9
        var alreadySnake_case = 10, dotted = ["Q1": 1, "q10": 2, "q9": 3, "B": 4, "_x": 5, "é": 6, "e": 7, "10": 8, "9": 9, "a-b": 10, "": 11]
        var idByName: [String: [String: Int?]] = ["someKey": ["innerKey": nil, "z": 1]]
    }

    struct Scalars: Encodable {
        var text: String
        var number: Double
        var float: Float
        var int: Int, int8: Int8, int16: Int16, int32: Int32, int64: Int64, uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64
        var flag: Bool
        var date: Date
        var maybe: String?, maybeNumber: Double?, maybeDate: Date?, maybeInt: Int?, maybeFlag: Bool?, maybeList: [Int?]?
        var list: [Double?], empty: [Int] = [], emptyObject: [String: Int] = [:], nested: [[String: [Int]]] = [[:], ["a": []]]
    }

    enum Tagged: Encodable {
        case one(Int), two(label: String?)
    }

    @Test("keys: snake_case as JSONEncoder converts property names, dictionaries' own keys as they are, all sorted alike")
    func keys() throws {
        try Self.expectSame(Keys(), "keys")
        try Self.expectSame([Tagged.one(1), .two(label: nil), .two(label: "x")], "enums")
    }

    @Test("strings with every control character, quotes, slashes and Unicode")
    func strings() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        for text in [controls, "a\"b\\c/d", "\u{7F}é\u{2028}\u{2029}😀\u{FEFF}", "", "<script>alert(1)</script>", "e\u{301}"] {
            try Self.expectSame([text: text], "string \(text.debugDescription)")
        }
    }

    @Test("numbers and dates over random values, and the edges of each")
    func numbersAndDates() throws {
        var generator = SystemRandomNumberGenerator()
        var doubles: [Double] = [
            0, -0.0, 1, -1, 0.1, 1e-7, 1e21, 1e20, 1e16, 123456789012345678, 2.5e-5, 1e-6, 1.0 / 3, 100, 12345678.9, 5e-324,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, 4.35, 2.675, 1e15, 999999999999999.9,
        ]
        for _ in 0..<3_000 {
            doubles.append(Double(bitPattern: generator.next()))
            doubles.append(Double(Int.random(in: -100_000...100_000)) / 100)
            doubles.append(Double.random(in: -5...5))
        }
        doubles.removeAll { !$0.isFinite }
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 1_700_000_000.9996),
            Date(timeIntervalSince1970: -11_676_096_000), Date(timeIntervalSince1970: 253_402_300_799.5), Date.distantPast, Date.distantFuture,
            // Beyond the year 9999 and before 1600, where the fraction must be cut off, not rounded.
            Date(timeIntervalSince1970: 260_000_000_000.9996), Date(timeIntervalSince1970: -11_676_096_000.0004),
        ]
        for _ in 0..<3_000 { dates.append(Date(timeIntervalSince1970: Double.random(in: -12_000_000_000...260_000_000_000))) }
        let floats = (0..<500).map { _ in Float.random(in: -1000...1000) } + [0.1, 1, 3.4e38, 1e-30]
        try Self.expectSame(doubles, "doubles")
        try Self.expectSame(dates, "dates")
        try Self.expectSame(floats, "floats")
        let scalars = Scalars(
            text: "t", number: 2.5, float: 0.1, int: .min, int8: .min, int16: .max, int32: .min, int64: .max, uint: .max, uint8: .max, uint16: 7,
            uint32: .max, uint64: .max, flag: true, date: Date(timeIntervalSince1970: 1_764_580_200), maybe: nil, maybeNumber: nil, maybeDate: nil,
            maybeInt: nil, maybeFlag: nil, maybeList: [1, nil], list: [1, nil, 2.5])
        try Self.expectSame(scalars, "scalars")
        try Self.expectSame([scalars.maybe, "x"], "optionals in an array")
        try Self.expectSame("top-level string", "a top-level string")
    }

    struct Row: ConcurrentlyEncodableElement {
        var id: Int64
        var score: Double?
        var figures: [String: [String: Double]]
        var flags: [String]
    }

    static func rows(_ count: Int) -> [Row] {
        (0..<count).map { (i: Int) -> Row in
            let score: Double? = i % 7 == 0 ? nil : Double(i) / 3
            let mean: Double = Double(i % 4) + 0.25
            let flags: [String] = i % 5 == 0 ? ["low_coverage", "disagreement"] : []
            return Row(id: Int64(i), score: score, figures: ["apisHttp": ["mean": mean, "n": 3]], flags: flags)
        }
    }

    @Test("a long array is encoded and written in chunks at once: the same bytes, nested and at the top")
    func longArrays() throws {
        for count in [ConcurrentEncoding.smallestArray - 1, ConcurrentEncoding.smallestArray, 5_003] {
            try Self.expectSame(Self.rows(count), "\(count) rows at the top")
            try Self.expectSame(["candidates": Self.rows(count)], "\(count) rows nested")
        }
        // Two long arrays, each written in pieces, with text before, between and after them.
        try Self.expectSame(["a": Self.rows(2_500), "b": Self.rows(4_001), "c": Self.rows(3)], "two long arrays among members")
        try Self.expectSame([Self.rows(3_000), Self.rows(2_048)], "long arrays in an array")
    }

    @Test("a number JSON cannot hold in one element of a long array is refused, as in a short one")
    func notANumberInALongArray() {
        var rows = Self.rows(5_000)
        rows[4_321].score = .nan
        #expect(throws: EncodingError.self) { try JSONText.data(compact: ["candidates": rows]) }
    }

    /// Encodes by hand what a derived `encode(to:)` never does: a key twice, containers nested and
    /// filled out of order, super encoders, the coding path read along the way.
    struct HandWritten: Encodable {
        enum Key: String, CodingKey { case first, second, nestedObject, nestedList, repeated, pathSeen }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .repeated)
            var object = container.nestedContainer(keyedBy: Key.self, forKey: .nestedObject)
            var list = container.nestedUnkeyedContainer(forKey: .nestedList)
            try list.encode("a")
            try object.encode(2, forKey: .first)
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(inner.codingPath.map(\.stringValue).joined(separator: "."), forKey: .pathSeen)
            try object.encode(3, forKey: .second)
            try container.encode(4, forKey: .repeated)
            try container.encodeNil(forKey: .first)
            try Tagged.one(5).encode(to: container.superEncoder(forKey: .second))
            try "s".encode(to: container.superEncoder())
        }
    }

    @Test("keys written twice, containers filled out of order, super encoders and coding paths, as JSONEncoder has them")
    func handWritten() throws {
        try Self.expectSame(HandWritten(), "hand-written")
        try Self.expectSame([HandWritten(), HandWritten()], "hand-written in a list")
    }

    @Test("a number JSON cannot hold is refused with the path JSONEncoder names, in short and long arrays")
    func notANumberPath() throws {
        var rows = Self.rows(5_000)
        rows[4_321].score = .nan
        for value in [["candidates": Array(rows.suffix(700))], ["candidates": rows]] {
            var ours: [String] = [], foundation: [String] = []
            do { _ = try JSONText.data(compact: value) } catch let EncodingError.invalidValue(_, context) {
                ours = context.codingPath.map(\.stringValue)
            }
            do { _ = try FoundationJSON.data(value, pretty: false) } catch let EncodingError.invalidValue(_, context) {
                foundation = context.codingPath.map(\.stringValue)
            }
            #expect(!ours.isEmpty && ours == foundation, "\(ours) against \(foundation)")
        }
    }

    @Test("a number JSON cannot hold is refused, as JSONEncoder refuses it")
    func notANumber() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try JSONText.data(compact: ["x": value]) }
        }
    }

    @Test("every report, dossier, scorecard and record of a demo database")
    func demoDatabase() async throws {
        let cli = try CLIHarness()
        #expect(await cli.run(["demo", "generate", "--candidates", "30", "--seed", "5"]).code == 0)
        let store = try AppDatabase.open(path: cli.databasePath)
        let positions = try await store.positions()
        try Self.expectSame(positions, "positions")
        try Self.expectSame(try await store.candidates(), "candidates")
        for position in positions {
            let id = try #require(position.id)
            let dossier = try await store.positionDossier(positionID: id)
            try Self.expectSame(dossier.scorecards.map(\.scorecard), "scorecards of position #\(id)")
            let report = try PositionReportBuilder.build(dossier, currentRubric: nil)
            try Self.expectSame(report, "report of position #\(id)")
            for candidate in report.candidates.prefix(5) {
                try Self.expectSame(try CandidateReportBuilder.build(dossier, position: report, candidateID: candidate.id), "candidate report")
            }
        }
        try Self.expectSame(try await store.auditLog(AuditFilter(limit: 200)).events, "audit events")
    }
}
