import DebriefCore
import Foundation
import Testing

@Suite("JSON text")
struct JSONTextTests {
    private struct Scalars: Encodable {
        var flag: Bool? = true
        var name: String? = "Ada"
        var score: Double? = 2.5
        var count: Int? = 3
        var wide: Int64? = 1 << 40
        var ratio: Float? = 0.5
        var small: Int8? = -8
        var medium: Int16? = 16
        var large: Int32? = -32
        var unsigned: UInt? = 7
        var byte: UInt8? = 255
        var word: UInt16? = 16
        var longWord: UInt32? = 32
        var huge: UInt64? = 64
        var when: Date? = Date(timeIntervalSince1970: 0)
        var link: URL? = URL(string: "https://example.com/a/b")
        var amount: Decimal? = Decimal(string: "1.25")
        var tags: [String?] = ["a", nil]
        var nested: [Nested]? = [Nested(note: nil, values: [1.5, nil])]
    }

    private struct Nested: Encodable {
        var note: String?
        var values: [Double?]
    }

    @Test("every scalar, present or absent, is written once: absent ones as null, keys snake-cased and sorted")
    func everyScalar() throws {
        let present = try JSONText.compactString(Scalars())
        #expect(
            present == """
                {"amount":1.25,"byte":255,"count":3,"flag":true,"huge":64,"large":-32,"link":"https://example.com/a/b","long_word":32,\
                "medium":16,"name":"Ada","nested":[{"note":null,"values":[1.5,null]}],"ratio":0.5,"score":2.5,"small":-8,"tags":["a",null],\
                "unsigned":7,"when":"1970-01-01T00:00:00Z","wide":1099511627776,"word":16}
                """)
        let absent = Scalars(
            flag: nil, name: nil, score: nil, count: nil, wide: nil, ratio: nil, small: nil, medium: nil, large: nil, unsigned: nil, byte: nil,
            word: nil, longWord: nil, huge: nil, when: nil, link: nil, amount: nil, tags: [], nested: nil)
        #expect(
            try JSONText.compactString(absent) == """
                {"amount":null,"byte":null,"count":null,"flag":null,"huge":null,"large":null,"link":null,"long_word":null,"medium":null,\
                "name":null,"nested":null,"ratio":null,"score":null,"small":null,"tags":[],"unsigned":null,"when":null,"wide":null,"word":null}
                """)
    }
}
