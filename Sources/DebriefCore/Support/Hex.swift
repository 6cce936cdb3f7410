/// Bytes written as lower-case hexadecimal, two digits a byte.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func string(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `byteCount` bytes from the system's cryptographic random source, as hex.
    public static func random(byteCount: Int) -> String {
        var random = SystemRandomNumberGenerator()
        return string((0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &random) })
    }
}
