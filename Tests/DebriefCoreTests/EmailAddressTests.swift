import DebriefCore
import Testing

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
