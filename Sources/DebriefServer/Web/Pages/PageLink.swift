/// A link to one of Debrief's pages with a query string, every value percent-encoded so that it
/// reads back as typed (a `+` or `&` in a search stays itself; `FormFields` reads `+` as a space).
enum PageLink {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// `path?name=value&…` for the parameters with a non-empty value, then `#fragment` when given.
    static func to(_ path: String, _ parameters: [(name: String, value: String?)], fragment: String? = nil) -> String {
        let query = parameters.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(encoded(name))=\(encoded(value))"
        }
        return path + (query.isEmpty ? "" : "?" + query.joined(separator: "&")) + (fragment.map { "#\($0)" } ?? "")
    }

    private static func encoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) { output.append(Character(Unicode.Scalar(byte))) } else { output += String(format: "%%%02X", byte) }
        }
        return output
    }
}
