import DebriefCore
import Foundation
import Testing

@testable import DebriefServer

/// Bodies are decoded from the `JSONInput` read for the schema check instead of by `JSONDecoder`
/// from the bytes. `JSONDecoder`, configured as the API configured it, is kept here as the oracle:
/// on random and mutated bodies both must give the same value, or the same kind of error at the
/// same path (the path is the field a 422 names).
@Suite("Bodies decoded from the parsed JSON")
struct JSONInputDecoderTests {
    struct Rated: Decodable, Equatable {
        let competencyId: String
        let questionId: Int64?
        let value: Int?
        let note: String?
    }

    struct Body: Decodable, Equatable {
        let roundId: Int64
        let interviewer: String?
        let ratings: [Rated]
        let draft: Bool?
        let amendReason: String?
        let scheduledAt: Date?
        let weights: [String: Double]?
        let small: Int8?
        let ratio: Float?
        let tags: [String]?
        let days: Int?
    }

    /// What `APIRequest` configured before: snake_case keys, ISO 8601 dates through `ISO8601Parsing`.
    static func foundation<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = ISO8601Parsing.date(text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 8601 date and time"))
            }
            return date
        }
        return try decoder.decode(T.self, from: Data(text.utf8))
    }

    /// An error's kind and the path it names, as `APIRequest` turns it into a field.
    static func shape(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/") }
        switch error as? DecodingError {
        case .dataCorrupted(let context): return "corrupted at /\(path(context.codingPath))"
        case .keyNotFound(let key, let context): return "missing /\(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context): return "mismatch at /\(path(context.codingPath))"
        case .valueNotFound(_, let context): return "null at /\(path(context.codingPath))"
        default: return "other: \(error)"
        }
    }

    static func numberDoesNotFit(_ error: any Error) -> Bool {
        guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
        return context.debugDescription.contains("does not fit")
    }

    static func expectSame(_ text: String) throws {
        let ours = Result { try JSONInputDecoder.decode(Body.self, from: try JSONInput(parsing: Data(text.utf8))) }
        let theirs = Result { try foundation(Body.self, text) }
        switch (ours, theirs) {
        case (.success(let a), .success(let b)): #expect(a == b, "\(text)")
        case (.failure(let a), .failure(let b)) where shape(b) == "corrupted at /":
            // JSONDecoder calls a number that does not fit its type "not valid JSON", at no field;
            // this says so, at the field.
            #expect(numberDoesNotFit(a) && shape(a) != "corrupted at /", "\(text): \(shape(a))")
        case (.failure(let a), .failure(let b)): #expect(shape(a) == shape(b), "\(text)")
        case (.success, .failure(let b)): Issue.record("ours decoded, JSONDecoder refused (\(shape(b))): \(text)")
        case (.failure(let a), .success): Issue.record("JSONDecoder decoded, ours refused (\(shape(a))): \(text)")
        }
    }

    @Test("a scorecard's body, snake_case keys, nulls for absent optionals: the same value")
    func plainBody() throws {
        try Self.expectSame(
            """
            {"round_id": 12, "interviewer": null, "draft": false, "amend_reason": "typo", "scheduled_at": "2026-12-01T10:00:00Z",
             "weights": {"apis_http": 0.5, "Databases": 2}, "small": -128, "ratio": 0.25, "tags": ["a", "b"], "days": 3.0,
             "ratings": [{"competency_id": "apis-http", "value": 3, "note": "good"}, {"competency_id": "databases", "question_id": 7, "value": null}]}
            """)
    }

    @Test("12,000 random bodies, valid and broken: the same values, or errors of the same kind at the same field")
    func randomBodies() throws {
        var state: UInt64 = 23
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        // Not 1e400: the contract's reader refuses it before any decoding, as it did before.
        let numbers = [
            "0", "3", "-1", "3.0", "1e2", "2.5", "300", "-129", "127", "9007199254740993", "9223372036854775807", "9223372036854775808",
            "-0", "0.1",
        ]
        let strings = ["\"x\"", "\"\"", "\"2026-12-01T10:00:00Z\"", "\"2026-13-01\"", "\"é\\u00e9\""]
        func scalar() -> String {
            switch next(6) {
            case 0: return "null"
            case 1: return ["true", "false"][next(2)]
            case 2, 3: return numbers[next(numbers.count)]
            case 4: return strings[next(strings.count)]
            default: return ["[]", "{}", "[1]", "{\"a\": 1}"][next(4)]
            }
        }
        func member(_ key: String, _ valid: String) -> String? {
            switch next(10) {
            case 0: return nil  // left out
            case 1: return "\"\(key)\": \(scalar())"
            default: return "\"\(key)\": \(valid)"
            }
        }
        func object(_ members: [(String, String)]) -> String {
            "{" + members.compactMap { member($0.0, $0.1) }.joined(separator: ", ") + "}"
        }
        func rating() -> String {
            next(12) == 0 ? scalar() : object([("competency_id", "\"c\""), ("question_id", "7"), ("value", "4"), ("note", "\"n\"")])
        }
        for _ in 0..<12_000 {
            let ratings = "[" + (0..<next(4)).map { _ in rating() }.joined(separator: ", ") + "]"
            let keys = next(3) == 0 ? ["roundId", "amendReason", "scheduledAt"] : ["round_id", "amend_reason", "scheduled_at"]
            try Self.expectSame(
                object([
                    (keys[0], "5"), ("interviewer", "\"i@example.com\""), ("ratings", ratings), ("draft", "true"), (keys[1], "\"r\""),
                    (keys[2], "\"2026-12-01T10:00:00.5Z\""), ("weights", "{\"apis_http\": 1, \"b\": 2.5}"), ("small", "12"), ("ratio", "0.5"),
                    ("tags", "[\"t\"]"), ("days", "30"),
                ]))
        }
    }

    @Test("snake_case keys become camelCase as Foundation converts them")
    func keyConversion() throws {
        for key in [
            "round_id", "_round_id", "round_id_", "__a__b__", "a", "A_B", "url_Host", "_", "a__b", "x1_y2", "émoji_ünder",
            "round_ab1cd", "x_1a2b", "y_a11b", "a_b_c", "ab1c_d2e", "q_9", "amend_reason", "question_set_id",
        ] {
            #expect(JSONInputDecoder.camelCased(key) == Self.convertedByFoundation(key), "\(key)")
        }
    }

    /// The key `JSONDecoder` hands a type's `CodingKeys` for `key`, found through a dictionary it decodes by that key.
    private static func convertedByFoundation(_ key: String) -> String {
        struct Probe: Decodable {
            let key: String
            init(from decoder: any Decoder) throws {
                key = try decoder.container(keyedBy: AnyKey.self).allKeys.first?.stringValue ?? ""
            }
        }
        struct AnyKey: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        let text = "{\(String(data: try! JSONEncoder().encode(key), encoding: .utf8)!): 1}"
        return try! foundation(Probe.self, text).key
    }
}
