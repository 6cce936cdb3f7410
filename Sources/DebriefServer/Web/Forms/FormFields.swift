import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, for forms whose field names carry
/// data (`rating.apis-http`) or repeat (a panel's checkboxes). `fields[name]` is the last value given.
struct FormFields {
    private(set) var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) ?? "" : "")
        }
    }

    /// The query string of a GET form, read the way browsers write it (`+` for spaces).
    init(query request: Hummingbird.Request) {
        self.init(request.uri.query ?? "")
    }

    subscript(name: String) -> String? { values[name]?.last }

    /// The words of the notice a page shows after a change redirected to it (`?done=moved`), from
    /// that page's own `notices`; nil for none or an unknown one.
    func notice(from notices: [String: String]) -> String? {
        text("done").flatMap { notices[$0] }
    }

    /// Every value of a repeated field, in the order sent.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A field's value with surrounding whitespace removed; nil when it is missing or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
