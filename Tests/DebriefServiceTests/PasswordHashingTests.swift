import Foundation
import Testing

@testable import DebriefService

@Suite("bcrypt, run on Dispatch's pool")
struct PasswordHashingTests {
    @Test("a hash made off the caller's thread checks the password it was made from, and no other")
    func roundTrip() async {
        let hash = await PasswordHashing.hash("correct horse battery staple", cost: 4)
        #expect(hash.hasPrefix("$2b$04$") || hash.hasPrefix("$2a$04$"), "\(hash)")
        #expect(await PasswordHashing.verify("correct horse battery staple", hash: hash))
        #expect(!(await PasswordHashing.verify("correct horse battery stapler", hash: hash)))
    }
}
