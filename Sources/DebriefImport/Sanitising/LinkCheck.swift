/// A fast answer for the links nearly every page has: `http(s)://host/path` in plain ASCII. Only
/// links this cannot decide go through Foundation's full URL parser.
enum LinkCheck {
    /// true: a plain absolute web link; false: certainly not one (another scheme, no host);
    /// nil: unusual characters, so the caller asks the full parser.
    static func plainWebLink(_ href: String) -> Bool? {
        let bytes = Array(href.utf8)
        let afterScheme: Int
        if bytes.count >= 7, TextScan.hasPrefix(href, ignoringCase: "http://") {
            afterScheme = 7
        } else if bytes.count >= 8, TextScan.hasPrefix(href, ignoringCase: "https://") {
            afterScheme = 8
        } else {
            return bytes.contains(UInt8(ascii: ":")) ? nil : false  // relative links have no scheme at all
        }
        var index = afterScheme
        while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
        guard index > afterScheme else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {  // a port
            index += 1
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        guard index == bytes.count || [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[index]) else { return nil }
        return bytes[index...].allSatisfy(isPlainURLByte) ? true : nil
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    /// RFC 3986 unreserved, reserved and `%` characters.
    private static func isPlainURLByte(_ byte: UInt8) -> Bool {
        if isHostByte(byte) { return true }
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }
}
