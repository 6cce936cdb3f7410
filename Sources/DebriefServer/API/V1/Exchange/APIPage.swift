import Foundation
import HTTPTypes

/// One page of a list: its items, and the address of the next page while there is one (also sent
/// as a `Link: <...>; rel="next"` header). Cursors are opaque: clients follow `next`, never build one.
struct APIPage<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let next: String?

    /// The page's limit: `limit` (1 to 200), 50 when not given.
    static func limit(_ input: APIRequest) -> Int {
        Int(input.integer("limit") ?? 50)
    }

    /// The position a `cursor` parameter names, or a 400 when it is not one this server made.
    static func cursor<Position: Decodable>(_ input: APIRequest, as type: Position.Type) throws(Problem) -> Position? {
        guard let text = input.query("cursor") else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let position = try? JSONDecoder().decode(Position.self, from: data) else {
            throw Problem(
                status: .badRequest, title: "Bad cursor", detail: "the cursor is not one this server gave out; follow the list's next link",
                errors: [FieldProblem(field: "cursor", detail: "is not a cursor of this list")])
        }
        return position
    }

    /// The reply: this page, with `next` pointing at the same list after `last` when more follow.
    static func reply(_ items: [Item], after last: (some Encodable)?, more: Bool, for input: APIRequest) throws -> APIReply {
        let next = more ? try last.map { try nextLink(after: $0, for: input) } : nil
        return try APIReply.json(APIPage(items: items, next: next)).linking(next: next)
    }

    /// The address of the same list after `last`: the request's query with its cursor replaced.
    static func nextLink(after last: some Encodable, for input: APIRequest) throws -> String {
        let cursor = try JSONEncoder().encode(last).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        var parameters = input.request.uri.queryParameters.filter { $0.key != "cursor" }.map { "\($0.key)=\($0.value)" }
        parameters.append("cursor=\(cursor)")
        return input.request.uri.path + "?" + parameters.joined(separator: "&")
    }

    /// A page of a list already in memory, ordered by id: the items after the cursor's id.
    static func slice(_ all: [Item], id: (Item) -> Int64, for input: APIRequest) throws -> APIReply {
        let after = try cursor(input, as: Int64.self)
        let limit = limit(input)
        let rest = all.filter { after == nil || id($0) > after! }
        let page = Array(rest.prefix(limit))
        return try reply(page, after: page.last.map(id), more: rest.count > limit, for: input)
    }
}

/// A whole list that is never long enough to page (a round's scorecards, the rubrics).
struct APIList<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
}

extension APIReply {
    /// The reply with a `Link: <next>; rel="next"` header when there is a next page.
    func linking(next: String?) -> APIReply {
        var reply = self
        if let next { reply.headers[.link] = "<\(next)>; rel=\"next\"" }
        return reply
    }
}
