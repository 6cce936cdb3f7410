import DebriefCore
import Foundation
import Testing

@Suite("Passwords and sign-in throttling")
struct SignInRulesTests {
    let grace = try! User(name: "Grace Hopper", email: EmailAddress("grace.hopper@example.com"), role: .interviewer)

    @Test(
        "a password is long, not the person's own email or name, and not an obvious one",
        arguments: [
            ("short", "at least 10 characters (this one has 5)"), ("grace.hopper@example.com", "not be your email or your name"),
            ("grace.hopper!!2024", "not be your email or your name"), ("Grace Hopper", "not be your email or your name"),
            ("Password123", "first passwords an attacker tries"), ("aaaaaaaaaaaa", "first passwords an attacker tries"),
            ("ababababababab", "first passwords an attacker tries"), (String(repeating: "é", count: 40), "at most 72 bytes"),
        ])
    func refused(password: String, says: String) {
        #expect(throws: FieldError.self) { try PasswordPolicy.validate(password, for: grace) }
        do { try PasswordPolicy.validate(password, for: grace) } catch { #expect(error.message.contains(says), "\(password): \(error.message)") }
    }

    @Test("a passphrase of one's own passes")
    func accepted() throws {
        try PasswordPolicy.validate("correct horse battery staple", for: grace)
        try PasswordPolicy.validate("Zw9!kq-Lm3p", for: grace)
    }

    @Test("5 failures for an account or 20 from a client within 15 minutes lock for 15 minutes after the last")
    func throttle() {
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        let four = (1...4).map { now.addingTimeInterval(Double(-$0 * 60)) }
        #expect(SignInThrottle.retryAfter(accountFailures: four, clientFailures: four, now: now) == nil)
        let five = four + [now.addingTimeInterval(-10)]
        #expect(SignInThrottle.retryAfter(accountFailures: five, clientFailures: [], now: now) == TimeInterval(15 * 60 - 10))
        let old = (1...10).map { now.addingTimeInterval(Double(-16 * 60 - $0)) }
        #expect(SignInThrottle.retryAfter(accountFailures: old, clientFailures: [], now: now) == nil, "failures older than 15 minutes")
        let client = (1...20).map { now.addingTimeInterval(Double(-$0 * 30)) }
        #expect(SignInThrottle.retryAfter(accountFailures: [], clientFailures: Array(client.prefix(19)), now: now) == nil)
        #expect(SignInThrottle.retryAfter(accountFailures: [], clientFailures: client, now: now) == TimeInterval(15 * 60 - 30))
        #expect(SignInThrottle.retryAfter(accountFailures: five, clientFailures: [], now: now.addingTimeInterval(15 * 60)) == nil)
    }

    @Test("secrets of one kind are never taken for another, and the form proof is derived from the secret")
    func kinds() throws {
        let session = AccessToken.generate(.session)
        #expect(session.secret.hasPrefix("dbs_") && AccessToken(presented: session.secret) == nil)
        #expect(AccessToken(presented: session.secret, kind: .session) == session)
        #expect(AccessToken(presented: session.secret, kind: .invite) == nil)
        #expect(session.formProof.count == 64 && session.formProof != session.digest && session.formProof != AccessToken.generate(.session).formProof)
    }
}
