/// A secret that signs a person in to Debrief's web server: sent as `Authorization: Bearer …` by
/// scripts, or kept in the session cookie of a browser.
///
/// Only its SHA-256 digest is stored, so a copy of the database signs nobody in. The secret is
/// 32 bytes from the system's cryptographic random source, written as hex after a `dbf_` prefix
/// that makes a leaked token easy to recognise (and to search for in logs and repositories).
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
    /// The secret, shown once when the token is issued.
    public let secret: String

    static let prefix = "dbf_"
    private static let randomByteCount = 32

    /// A new random token.
    public static func generate() -> AccessToken {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        return AccessToken(secret: prefix + Hex.string(bytes))
    }

    /// A token as presented by a client; nil unless it has the shape of a Debrief token.
    public init?(presented text: String) {
        let bytes = Array(text.utf8)
        let prefixBytes = Array(Self.prefix.utf8)
        guard bytes.count == prefixBytes.count + Self.randomByteCount * 2, bytes.starts(with: prefixBytes) else { return nil }
        guard bytes.dropFirst(prefixBytes.count).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        secret = text
    }

    private init(secret: String) {
        self.secret = secret
    }

    /// A token's label, checked: what it is for, in at most 100 characters.
    public static func label(_ text: String) throws(FieldError) -> String {
        try Text.required(text, field: "label", maxLength: 100)
    }

    /// What the database keeps: the SHA-256 of the secret, as hex.
    public var digest: String { SHA256.hex(of: Array(secret.utf8)) }

    /// Never the secret: tokens end up in logs by accident.
    public var description: String { "\(Self.prefix)…" }
}
