/// Questions kept in a table: a header names the question column, and optionally answer and level columns.
enum TableQuestions {
    struct Row {
        let question: String
        let answer: String?
        let level: String?
    }

    /// The table's question rows, or nil when no header cell says "question".
    static func rows(of table: HTMLNode) -> [Row]? {
        let rows = tableRows(table)
        guard let header = rows.first else { return nil }
        let titles = header.map { TextNormaliser.normalise($0.rawText).lowercased() }
        guard let questionColumn = titles.firstIndex(where: { $0.contains("question") }) else { return nil }
        let answerColumn = titles.firstIndex { $0.contains("answer") || $0.contains("response") || $0.contains("solution") }
        let levelColumn = titles.firstIndex { $0.contains("level") || $0.contains("difficulty") || $0.contains("seniority") }
        return rows.dropFirst().compactMap { cells in
            guard questionColumn < cells.count else { return nil }
            let question = TextNormaliser.normalise(cells[questionColumn].rawText)
            guard !question.isEmpty else { return nil }
            let answer = answerColumn.flatMap {
                $0 < cells.count ? AnswerSanitiser.html(of: cells[$0].children.map { ContentBlock(kind: .other, node: $0, text: "") }) : nil
            }
            let level = levelColumn.flatMap { $0 < cells.count ? TextNormaliser.normalise(cells[$0].rawText) : nil }
            return Row(question: question, answer: answer, level: level.flatMap { $0.isEmpty ? nil : $0.lowercased() })
        }
    }

    /// Rows of cells, looking through `thead`, `tbody` and `tfoot`.
    private static func tableRows(_ table: HTMLNode) -> [[HTMLNode]] {
        rowElements(of: table).map { $0.elementChildren.filter { $0.name == "td" || $0.name == "th" } }
    }

    /// The `<tr>` elements of a table, looking through `thead`, `tbody` and `tfoot`.
    static func rowElements(of table: HTMLNode) -> [HTMLNode] {
        var rows: [HTMLNode] = []
        for child in table.elementChildren {
            switch child.name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += rowElements(of: child)
            default: continue
            }
        }
        return rows
    }
}
