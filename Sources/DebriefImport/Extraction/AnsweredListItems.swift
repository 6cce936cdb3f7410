/// A list whose items each hold a question in a heading and then its long answer (paragraphs,
/// lists of points, examples), as in `<ol><li><h3>Why …?</h3><p>…</p><ul>…</ul></li>…</ol>`.
/// Once an item is known to be a question and its answer, nothing inside the answer is a question,
/// except a nested list of follow-up questions.
struct AnsweredListItems {
    struct Item {
        let question: String
        /// The number an `<ol>` gives the item.
        let ordinal: Int?
        /// The answer's nodes, in order (follow-up lists left out).
        let answer: [HTMLNode]
        let followUps: [String]
    }

    let items: [Item]

    /// The list's items, or nil when most of its items do not open with a heading.
    init?(_ list: HTMLNode) {
        let ordered = list.name == "ol"
        var next = Int(list.attribute("start")?.collapsingWhitespace() ?? "") ?? 1
        var items: [Item] = []
        var withoutHeading = 0
        for item in list.elementChildren where item.name == "li" {
            if let value = Int(item.attribute("value")?.collapsingWhitespace() ?? "") { next = value }
            defer { next += 1 }
            guard let heading = item.elementChildren.first(where: { Self.headings.contains($0.name) }) else {
                withoutHeading += 1
                continue
            }
            var answer: [HTMLNode] = []
            var followUps: [String] = []
            var afterHeading = false
            for child in item.children {
                if child.isSame(as: heading) {
                    afterHeading = true
                } else if afterHeading {
                    if child.isElement, child.name == "ul" || child.name == "ol", let questions = Self.followUpQuestions(child) {
                        followUps += questions
                    } else {
                        answer.append(child)
                    }
                }
            }
            items.append(Item(question: heading.normalisedText, ordinal: ordered ? next : nil, answer: answer, followUps: followUps))
        }
        guard !items.isEmpty, withoutHeading * 2 < items.count + withoutHeading else { return nil }
        self.items = items
    }

    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The items of a list that is all questions (each short and ending in "?"); nil for a list of points.
    private static func followUpQuestions(_ list: HTMLNode) -> [String]? {
        let texts = ListItems(list).entries.map(\.text)
        guard !texts.isEmpty, texts.allSatisfy({ TextScan.endsWith($0, UInt8(ascii: "?")) && TextScan.isShort($0, atMost: 300) }) else {
            return nil
        }
        return texts
    }
}
