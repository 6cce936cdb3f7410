import Testing

@testable import DebriefCore

@Suite("Email addresses")
struct EmailAddressTests {
    @Test("are trimmed and lower-cased so one address has one spelling")
    func normalises() throws {
        #expect(try EmailAddress("  Ada.Lovelace@Example.COM ").value == "ada.lovelace@example.com")
        #expect(try EmailAddress("a+tag@sub.example.co.uk").value == "a+tag@sub.example.co.uk")
    }

    @Test(
        "that are malformed are refused with the field named",
        arguments: [
            "", "   ", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada@exa mple.com",
            "a da@example.com", "ada@-example.com", "ada@example..com", ".ada@example.com", "ada..l@example.com", "ada@example.com.",
        ])
    func refusesMalformed(_ raw: String) {
        #expect(throws: FieldError.self) { try EmailAddress(raw) }
        do {
            _ = try EmailAddress(raw, field: "candidate email")
        } catch {
            #expect(error.field == "candidate email")
            #expect(!error.message.isEmpty)
        }
    }
}

@Suite("Email addresses: the ASCII fast path")
struct EmailAddressFastPathTests {
    /// Strings built from the characters that decide the rules: letters of both cases, digits, the
    /// separators, the local part's specials, spaces, a control, and a letter outside ASCII.
    private static let alphabet: [Character] = Array("aZ9.@-_+!~`'{}|  \t\u{7F}é") + ["\r\n"]

    private func randomAddress(using generator: inout some RandomNumberGenerator) -> String {
        var text = ""
        for part in 0..<Int.random(in: 1...4, using: &generator) {
            if part > 0 { text.append(Bool.random(using: &generator) ? "@" : ".") }
            let length = Int.random(in: 0...(Int.random(in: 0...9, using: &generator) == 0 ? 70 : 6), using: &generator)
            for _ in 0..<length {
                text.append(Int.random(in: 0...2, using: &generator) == 0 ? Self.alphabet.randomElement(using: &generator)! : "a")
            }
        }
        return text
    }

    @Test("accepts exactly what the full check accepts, with the same spelling, and nothing it refuses")
    func agreesWithTheFullCheck() {
        var generator = SystemRandomNumberGenerator()
        var fastAccepted = 0
        for _ in 0..<50_000 {
            let raw = randomAddress(using: &generator)
            let full = try? EmailAddress.fullyChecked(raw, field: "email")
            let fast = EmailAddress.canonicalASCII(raw)
            if let fast {
                fastAccepted += 1
                #expect(fast == full, "\(raw.debugDescription): fast \(fast), full \(full ?? "refused")")
            } else if let full, raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                Issue.record("\(raw.debugDescription) is printable ASCII the full check accepts as \(full), but the fast path refused it")
            }
        }
        #expect(fastAccepted > 100)  // about 1 in 200 of these strings is an address
    }

    @Test("the limits hold on the fast path: 64 before the '@', 63 a label, 254 in all")
    func limits() throws {
        let label = String(repeating: "b", count: 63)
        #expect(try EmailAddress(String(repeating: "a", count: 64) + "@example.com").value.count == 76)
        #expect(throws: FieldError.self) { try EmailAddress(String(repeating: "a", count: 65) + "@example.com") }
        #expect(throws: FieldError.self) { try EmailAddress("a@" + label + "b.com") }
        let long = "a@" + [label, label, label, String(repeating: "c", count: 57)].joined(separator: ".") + ".io"
        #expect(long.count == 254)
        #expect(try EmailAddress(long).value == long)
        #expect(throws: FieldError.self) { try EmailAddress("a" + long) }
        #expect(try EmailAddress("Ada.Lovelace@Example.COM").value == "ada.lovelace@example.com")
    }
}
