import DebriefStore

/// `If-Match` for changes: the change goes ahead only on the version the caller read.
enum APIPreconditions {
    /// Throws `StoreError.stale` (a 412) unless `list` names the ETag of `current` (or is `*`).
    static func require(_ list: String, matches current: some Encodable, entity: String, key: String) throws {
        guard APIReply.matches(list, try APIReply.etag(of: current)) else { throw StoreError.stale(entity: entity, key: key) }
    }
}

/// Parameters many lists share.
enum APIParameters {
    static let list: [APIOperation.Parameter] = [
        .query("limit", .integer(minimum: 1, maximum: 200), "how many items a page holds (default 50)"),
        .query("cursor", .string(maxLength: 500), "where the page starts: the cursor of the previous page's next link"),
    ]
}

extension JSONInput {
    /// The string this is, or nil (JSON null).
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
