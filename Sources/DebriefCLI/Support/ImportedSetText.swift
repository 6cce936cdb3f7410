import DebriefImport

/// An import's findings as a person reads them in a terminal.
enum ImportedSetText {
    static func render(_ set: ImportedQuestionSet) -> String {
        var lines = ["\(set.title) (\(set.source)): \(set.questionCount) questions"]
        for section in set.sections {
            let facts = [section.level, section.kind].compactMap { $0 }.joined(separator: ", ")
            lines.append("")
            let layouts = section.layouts.isEmpty ? "" : "  (read as \(section.layouts.joined(separator: " + ")))"
            lines.append("## \(section.title ?? "(no section)")" + (facts.isEmpty ? "" : " [\(facts)]") + layouts)
            for question in section.questions {
                let mapped = question.competencies.isEmpty ? "" : "  {\(question.competencies.joined(separator: ", "))}"
                let title = question.title.map { "\($0): " } ?? ""
                lines.append("  \(question.ordinal). \(title)\(question.text)\(question.answer == nil ? "" : "  [answer]")\(mapped)")
            }
        }
        if !set.skipped.isEmpty {
            lines.append("")
            lines.append("Left out:")
            lines += set.skipped.map { "  - \($0.text.prefix(90))\($0.text.count > 90 ? "…" : "") (\($0.reason))" }
        }
        lines += set.warnings.map { "Warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}
