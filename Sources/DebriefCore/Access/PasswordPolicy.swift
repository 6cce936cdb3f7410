/// What a password must be: long enough to resist guessing, and none of the first things an
/// attacker tries (the person's own email or name, the usual suspects).
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 72  // bcrypt reads no further than 72 bytes

    /// Passwords attackers try first, lower-cased.
    static let obvious: Set<String> = [
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword123", "123456789",
        "1234567890", "12345678910", "qwertyuiop", "qwerty123", "qwerty1234", "1q2w3e4r5t", "iloveyou1", "letmein123", "welcome123",
        "admin12345", "administrator", "changeme123", "debrief123", "debriefdebrief", "abcdefghij", "0987654321", "1111111111",
    ]

    /// Refuses a password that breaks the policy, saying what would pass.
    public static func validate(_ password: String, for user: User) throws(FieldError) {
        guard password.count >= minimumLength else {
            throw FieldError(field: "password", "Use at least \(minimumLength) characters (this one has \(password.count)).")
        }
        guard password.utf8.count <= maximumLength else {
            throw FieldError(field: "password", "Use at most \(maximumLength) bytes: bcrypt ignores the rest.")
        }
        let lower = password.lowercased()
        let local = user.email.value.split(separator: "@").first.map(String.init) ?? ""
        let name = user.name.lowercased().filter { !$0.isWhitespace }
        if lower == user.email.value || lower.contains(local) && local.count >= 4 || lower.replacingOccurrences(of: " ", with: "") == name {
            throw FieldError(field: "password", "A password must not be your email or your name.")
        }
        if obvious.contains(lower) || Set(lower).count <= 2 {
            throw FieldError(field: "password", "This is one of the first passwords an attacker tries; choose a passphrase of your own.")
        }
    }
}
