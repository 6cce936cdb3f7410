// The tree `JSONTreeEncoder` encodes values into and `JSONTreeWriter` writes out.

/// A value on its way to JSON. Objects and arrays are boxes: a nested container fills its box after
/// the parent holds it.
enum JSONNode {
    case null
    case bool(Bool)
    /// A number, already written as JSON writes it.
    case number(String)
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)

    final class ArrayBox {
        var items: [JSONNode] = []
    }

    /// Members in the order encoded; the writer sorts them, and of two with one key writes the later.
    final class ObjectBox {
        var members: [(key: String, value: JSONNode)] = []
    }
}

/// Where one value goes: a member of an object or an item of an array, `null` until it is encoded.
/// A place, not a box per value: a box per value, and a coding path array per value, were most
/// of what encoding a position report allocated.
enum JSONPlace {
    case member(JSONNode.ObjectBox, Int)
    case item(JSONNode.ArrayBox, Int)

    var node: JSONNode {
        switch self {
        case .member(let box, let index): box.members[index].value
        case .item(let box, let index): box.items[index]
        }
    }

    func set(_ node: JSONNode) {
        switch self {
        case .member(let box, let index): box.members[index].value = node
        case .item(let box, let index): box.items[index] = node
        }
    }

    static func newMember(of box: JSONNode.ObjectBox, key: String) -> JSONPlace {
        box.members.append((key, .null))
        return .member(box, box.members.count - 1)
    }

    static func newItem(of box: JSONNode.ArrayBox) -> JSONPlace {
        box.items.append(.null)
        return .item(box, box.items.count - 1)
    }
}

/// The coding path of a container, made only for containers and read only when asked for (by an
/// error, or a value that looks at it).
final class JSONPath {
    let parent: JSONPath?
    let key: (any CodingKey)?

    init(parent: JSONPath?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    static func keys(_ path: JSONPath?, then key: (any CodingKey)?) -> [any CodingKey] {
        var keys: [any CodingKey] = key.map { [$0] } ?? []
        var node = path
        while let current = node {
            if let key = current.key { keys.append(key) }
            node = current.parent
        }
        return keys.reversed()
    }
}
