/// SQLite refuses statements with more than 32,766 bound values, so lookups by a list of keys
/// run in chunks; a position with hundreds of thousands of ratings stays one read.
enum ChunkedLookup {
    static let chunkSize = 10_000

    /// `fetch` for each chunk of `keys`, results concatenated in chunk order.
    static func fetch<Key, Value>(_ keys: [Key], _ fetch: ([Key]) throws -> [Value]) rethrows -> [Value] {
        guard !keys.isEmpty else { return [] }
        var results: [Value] = []
        var start = 0
        while start < keys.count {
            let end = min(start + chunkSize, keys.count)
            results += try fetch(Array(keys[start..<end]))
            start = end
        }
        return results
    }
}
