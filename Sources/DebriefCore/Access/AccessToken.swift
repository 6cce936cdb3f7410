/// A secret that signs a person in to Debrief's web server: sent as `Authorization: Bearer …` by
/// scripts, or kept in the session cookie of a browser.
///
/// Only its SHA-256 digest is stored, so a copy of the database signs nobody in. The secret is
/// 32 bytes from the system's cryptographic random source, written as hex after a `dbf_` prefix
/// that makes a leaked token easy to recognise (and to search for in logs and repositories).
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
    /// What a secret opens; its prefix says so, and a secret of one kind is never taken for another.
    public enum Kind: String, Sendable {
        /// An access token for scripts and the API (`dbf_`).
        case access = "dbf_"
        /// A browser's session after signing in with a password (`dbs_`).
        case session = "dbs_"
        /// A one-time link to set a password (`dbi_`).
        case invite = "dbi_"
    }

    /// The secret, shown once when the token is issued.
    public let secret: String
    public let kind: Kind

    private static let randomByteCount = 32

    /// A new random token.
    public static func generate(_ kind: Kind = .access) -> AccessToken {
        AccessToken(secret: kind.rawValue + Hex.random(byteCount: randomByteCount), kind: kind)
    }

    /// A token as presented by a client; nil unless it has the shape of a Debrief token of `kind`.
    public init?(presented text: String, kind: Kind = .access) {
        let bytes = Array(text.utf8)
        let prefixBytes = Array(kind.rawValue.utf8)
        guard bytes.count == prefixBytes.count + Self.randomByteCount * 2, bytes.starts(with: prefixBytes) else { return nil }
        guard bytes.dropFirst(prefixBytes.count).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        secret = text
        self.kind = kind
    }

    private init(secret: String, kind: Kind) {
        self.secret = secret
        self.kind = kind
    }

    /// A token's label, checked: what it is for, in at most 100 characters.
    public static func label(_ text: String) throws(FieldError) -> String {
        try Text.required(text, field: "label", maxLength: 100)
    }

    /// What the database keeps: the SHA-256 of the secret, as hex.
    public var digest: String { SHA256.hex(of: Array(secret.utf8)) }

    /// Never the secret: tokens end up in logs by accident.
    public var description: String { "\(kind.rawValue)…" }

    /// A value derived from the secret that proves a form came from a page this session was shown
    /// (the CSRF token): another site can neither read the cookie nor compute it.
    public var formProof: String { SHA256.hex(of: Array(("form-proof:" + secret).utf8)) }
}
