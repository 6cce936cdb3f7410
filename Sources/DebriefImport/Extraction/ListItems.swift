/// The items of a `<ul>` or `<ol>`: each item's own text, its number, and nested items as follow-ups.
struct ListItems {
    struct Entry {
        let text: String
        /// The number an `<ol>` gives the item, honouring `start` and `value`.
        let ordinal: Int?
        let followUps: [String]
        /// True when the item is nothing but a link, as in a table of contents.
        let isOnlyLink: Bool
    }

    let entries: [Entry]

    init(_ list: HTMLNode) {
        let ordered = list.name == "ol"
        var next = Int(list.attribute("start")?.collapsingWhitespace() ?? "") ?? 1
        var entries: [Entry] = []
        for item in list.elementChildren where item.name == "li" {
            if let value = Int(item.attribute("value")?.collapsingWhitespace() ?? "") { next = value }
            var own = ""
            var followUps: [String] = []
            for child in item.children {
                if child.isElement && (child.name == "ul" || child.name == "ol") {
                    followUps += Self.flatten(child)
                } else {
                    own += child.isText ? child.content : child.rawText
                }
            }
            let elements = Array(item.elementChildren.filter { $0.name != "ul" && $0.name != "ol" })
            let text = TextNormaliser.normalise(own)
            let onlyLink = elements.count == 1 && elements[0].name == "a" && TextNormaliser.normalise(elements[0].rawText) == text
            if !text.isEmpty {
                entries.append(Entry(text: text, ordinal: ordered ? next : nil, followUps: followUps, isOnlyLink: onlyLink))
            }
            next += 1
        }
        self.entries = entries
    }

    private static func flatten(_ list: HTMLNode) -> [String] {
        ListItems(list).entries.flatMap { [$0.text] + $0.followUps }
    }
}
