import DebriefCore
import Foundation

/// Maps question text to rubric competencies by the rubric's keywords, whole words only.
struct CompetencyMapper {
    private let keywords: [(competency: String, keyword: String)]

    init(rubric: Rubric?) {
        keywords = rubric?.competencies.flatMap { competency in competency.keywords.map { (competency.id, $0.lowercased()) } } ?? []
    }

    /// Competencies whose keywords occur in `text`, most hits first, then in rubric order.
    func competencies(for text: String) -> [String] {
        guard !keywords.isEmpty else { return [] }
        let words = " " + text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        var hits: [String: Int] = [:]
        var order: [String] = []
        for (competency, keyword) in keywords {
            let needle = " " + keyword.map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
            if words.contains(needle) || words.contains(needle.dropLast() + "s ") {
                if hits[competency] == nil { order.append(competency) }
                hits[competency, default: 0] += 1
            }
        }
        return order.sorted { (hits[$0]!, order.firstIndex(of: $1)!) > (hits[$1]!, order.firstIndex(of: $0)!) }
    }
}
