import Foundation
import Testing

@testable import DebriefServer

/// `JSONInput(parsing:)` against what it replaced: Foundation's `JSONDecoder` trying each kind of
/// value in turn. Both must accept the same bodies and read the same values from them.
@Suite("Reading request bodies as JSON")
struct JSONInputParsingTests {
    /// The reading the server used before, kept here as the oracle.
    enum Oracle: Decodable {
        case null, bool(Bool), integer(Int64), number(Double), string(String), array([Oracle]), object([String: Oracle])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let whole = try? container.decode(Int64.self) {
                self = .integer(whole)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let array = try? container.decode([Oracle].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: Oracle].self))
            }
        }

        var input: JSONInput {
            switch self {
            case .null: .null
            case .bool(let flag): .bool(flag)
            case .integer(let whole): .integer(whole)
            case .number(let number): .number(number)
            case .string(let text): .string(text)
            case .array(let array): .array(array.map(\.input))
            case .object(let object): .object(object.mapValues(\.input))
            }
        }
    }

    static func agree(_ bytes: [UInt8]) -> Bool {
        let expected = Result { try JSONDecoder().decode(Oracle.self, from: Data(bytes)).input }
        let read = Result { try JSONInput(parsing: Data(bytes)) }
        if (try? expected.get()) == (try? read.get()) { return true }
        print(
            "DIFF \(String(decoding: bytes, as: UTF8.self).debugDescription)\n  oracle \(String(describing: expected).prefix(300))\n  parser \(read)")
        return false
    }

    @Test("numbers, strings, escapes, nesting and the leniencies JSONDecoder had read alike")
    func cornerCases() {
        let texts = [
            "3", "3.0", "1e2", "1E2", "-0", "-0.0", "12345678901234567890", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "1e400", "-1e400", "1e-400", "9007199254740993", "1e18", "0.1", "1.5e+3", "1.5E-3",
            "100000000000000000000000.0", "01", "1.", ".5", "+1", "-", "NaN", "Infinity", "1e", "1e+", "-01", "0e0", "2.5e1",
            #"{"a":1,"a":2}"#, #""\ud800""#, #""\udc00\ud800""#, #""\ud83d\ude00""#, #""\uD834\uDD1E""#, #""\u00e9""#, #""\u0000""#,
            #""\/\b\f\n\r\t\"\\""#, #""\x""#, #""\u12""#, #""\u12G4""#, "\"a\u{01}b\"", "\"a\u{7F}b\"", "\u{FEFF}{}", " {} ", "\t\n\r{}\r\n",
            "\u{0B}{}", "{}x", "[1,]", #"{"a":1,}"#, "[,]", "{,}", "[1,,2]", "[]", "{}", "null", "true", "false", "nul", "tru", "[[[]]]",
            "\"é\"", "", " ", "[", "{", #"{"a"}"#, #"{"a":}"#, #"{a:1}"#, "[1 2]", #"{"a":1 "b":2}"#, "\"unterminated",
            #"{"round_id":12,"recommendation":"yes","notes":"bench","ratings":[{"competency_id":"apis","value":3}]}"#,
        ]
        for text in texts { #expect(Self.agree(Array(text.utf8)), "\(text.debugDescription)") }
        for bytes: [UInt8] in [
            [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
        ] {
            #expect(Self.agree(bytes), "\(bytes)")
        }
        for depth in [1, 100, 512, 513, 5_000] {
            #expect(Self.agree(Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)), "depth \(depth)")
            #expect(Self.agree(Array((String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)).utf8)))
        }
    }

    @Test("random documents, and the same documents with bytes changed, read alike", arguments: 1...8)
    func randomDocuments(seed: UInt64) {
        var random = Random(state: seed)
        for _ in 0..<1_500 {
            var bytes = Array(Self.document(&random, depth: 0).utf8)
            #expect(Self.agree(bytes), "\(String(decoding: bytes, as: UTF8.self))")
            // Numbers stay below 2^53 even when a change puts a point in them (see `largeFractions`).
            for _ in 0..<random.next(3) + 1 where !bytes.isEmpty {
                let at = random.next(bytes.count)
                let noise: [UInt8] = [0x22, 0x5C, 0x2C, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x2D, 0x2E, 0x65, 0x30, 0x31, 0x20, 0x75, 0xC3, 0xFF, 0x01]
                switch random.next(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(noise[random.next(noise.count)], at: at)
                default: bytes[at] = noise[random.next(noise.count)]
                }
            }
            #expect(Self.agree(bytes), "\(bytes)")
        }
    }

    @Test("of a repeated key the first value counts, and the later one must be JSON too, which JSONDecoder did not check")
    func repeatedKeys() throws {
        #expect(try JSONInput(parsing: Data(#"{"a":1,"a":"two"}"#.utf8)) == .object(["a": .integer(1)]))
        #expect(throws: JSONSyntaxError.self) { try JSONInput(parsing: Data(#"{"a":1,"a":01}"#.utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONInput(parsing: Data(#"{"a":1,"a":"\x"}"#.utf8)) }
    }

    @Test("a number beyond 2^53 with a point is rounded to a float first; JSONDecoder cut its fraction off")
    func largeFractions() throws {
        #expect(try JSONInput(parsing: Data("9223372036854775.808".utf8)) == .integer(9_223_372_036_854_776))
        #expect(try JSONInput(parsing: Data("12345678901234567890.5".utf8)) == .number(12_345_678_901_234_567_890.5))
    }

    @Test("a body that is not JSON is a 400 that says what is wrong and at which byte")
    func errorsSayWhere() {
        #expect(throws: JSONSyntaxError(byte: 8, reason: "expected ',' or '}' in an object")) { try JSONInput(parsing: Data(#"{"a":1 "b":2}"#.utf8)) }
        #expect(throws: JSONSyntaxError(byte: 3, reason: "text after the JSON value")) { try JSONInput(parsing: Data("{}x".utf8)) }
        #expect(throws: JSONSyntaxError(byte: 2, reason: "a string that is not valid UTF-8")) { try JSONInput(parsing: Data([0x22, 0xFF, 0x22])) }
    }

    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func document(_ random: inout Random, depth: Int) -> String {
        let space = [" ", "", "\n", "\t", "\r\n"]
        func pad(_ text: String) -> String { space[random.next(space.count)] + text + space[random.next(space.count)] }
        switch depth > 3 ? random.next(5) : random.next(7) {
        case 0: return pad(["null", "true", "false"][random.next(3)])
        case 1:
            let numbers = [
                "0", "-0", "7", "-12", "3.0", "2.5", "1e3", "-4.25E-2", "4503599627370496", "-4503599627370497", "1e-400", "0.1", "6.02e23",
            ]
            return pad(numbers[random.next(numbers.count)])
        case 2, 3:
            let pieces = ["a", "é", "🙂", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", " ", "<b>", "\\/", "snake_case"]
            return pad("\"" + (0..<random.next(5)).map { _ in pieces[random.next(pieces.count)] }.joined() + "\"")
        case 4: return pad("\"\(random.next(1000))\"")
        case 5:
            let items = (0..<random.next(4)).map { _ in document(&random, depth: depth + 1) }
            return pad("[" + items.joined(separator: ",") + (random.next(6) == 0 && !items.isEmpty ? "," : "") + "]")
        default:
            // Keys differ: JSONDecoder never read the value of a repeated key (see `repeatedKeys`).
            var keys = ["id", "name", "round_id", "ratings", "a", "é"]
            let members = (0..<random.next(4)).map { _ in
                pad("\"\(keys.remove(at: random.next(keys.count)))\"") + ":" + document(&random, depth: depth + 1)
            }
            return pad("{" + members.joined(separator: ",") + (random.next(6) == 0 && !members.isEmpty ? "," : "") + "}")
        }
    }
}
