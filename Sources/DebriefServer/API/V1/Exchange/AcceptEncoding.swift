import Foundation

/// What a request's `Accept-Encoding` allows (RFC 9110 §12.5.3), for the one coding Debrief sends.
enum AcceptEncoding {
    /// Whether `field` accepts gzip: named (or `*`) with a weight above zero, and not refused by name.
    static func acceptsGzip(_ field: String?) -> Bool {
        guard let field else { return false }
        var named: Double?
        var wildcard: Double?
        for member in field.split(separator: ",") {
            let parts = member.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let weight = parts.dropFirst().compactMap { parameter -> Double? in
                guard parameter.hasPrefix("q=") else { return nil }
                return Double(parameter.dropFirst(2))
            }.first ?? 1
            switch coding {
            case "gzip", "x-gzip": named = weight
            case "*": wildcard = weight
            default: continue
            }
        }
        return (named ?? wildcard ?? 0) > 0
    }
}
