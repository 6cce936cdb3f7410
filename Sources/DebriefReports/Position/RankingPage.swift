import DebriefCore

/// The orders a position's ranking can be read in.
public enum RankingSort: String, CaseIterable, Sendable {
    /// Best first, as the report ranks them; candidates with no score last.
    case rank
    /// By name, then id.
    case name
    /// By pipeline stage (applied first), then rank.
    case stage
    /// By calibrated score, highest first; candidates with none last.
    case calibrated

    /// Reads `text` (a query parameter); a bad value names the ones there are.
    public init(parsing text: String) throws(FieldError) {
        guard let sort = RankingSort(rawValue: text) else {
            throw FieldError(
                field: "sort", "'\(text)' is not an order of the ranking; use one of: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = sort
    }
}

/// One page of a position's ranking: what a browser shows of a position with thousands of
/// candidates. The report's other figures (distribution, agreement, calibration) stay whole.
public struct RankingPage: Sendable {
    /// Candidates per page unless asked otherwise.
    public static let defaultSize = 100

    public let sort: RankingSort
    /// From 1.
    public let number: Int
    public let pageCount: Int
    /// Candidates in the whole ranking.
    public let total: Int
    /// The position in the sorted ranking of this page's first candidate, from 1 (0 when empty).
    public let first: Int
    public let entries: [PositionReport.CandidateEntry]
}

extension PositionReport {
    /// Page `number` (from 1) of the ranking in `sort` order, `size` candidates a page. A page past
    /// the last is refused, saying how many there are.
    public func rankingPage(_ number: Int, sort: RankingSort = .rank, size: Int = RankingPage.defaultSize) throws(FieldError) -> RankingPage {
        let size = max(1, size)
        let pageCount = max(1, (candidates.count + size - 1) / size)
        guard (1...pageCount).contains(number) else {
            throw FieldError(field: "page", "there is no page \(number) of the ranking; it has \(pageCount) page\(pageCount == 1 ? "" : "s")")
        }
        let sorted = Self.sorted(candidates, by: sort)
        let start = (number - 1) * size
        let entries = Array(sorted[start..<min(start + size, sorted.count)])
        return RankingPage(
            sort: sort, number: number, pageCount: pageCount, total: candidates.count, first: entries.isEmpty ? 0 : start + 1, entries: entries)
    }

    /// `entries` (in rank order) in `sort` order; ties keep rank order.
    static func sorted(_ entries: [CandidateEntry], by sort: RankingSort) -> [CandidateEntry] {
        let ranked = Array(entries.enumerated())
        let order: (EnumeratedSequence<[CandidateEntry]>.Element, EnumeratedSequence<[CandidateEntry]>.Element) -> Bool
        switch sort {
        case .rank: return entries
        case .name:
            order = { ($0.element.name, $0.element.id) < ($1.element.name, $1.element.id) }
        case .stage:
            let place = { (entry: CandidateEntry) in PipelineStage.allCases.firstIndex { $0.rawValue == entry.stage } ?? PipelineStage.allCases.count
            }
            order = { (place($0.element), $0.offset) < (place($1.element), $1.offset) }
        case .calibrated:
            let key = { (entry: CandidateEntry) in entry.calibratedScore.map { -$0 } ?? .infinity }
            order = { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
        }
        return ranked.sorted(by: order).map(\.element)
    }
}

/// A ranking page with the addresses a page of the web app links it to its neighbours by.
public struct RankingPager: Sendable {
    public let page: RankingPage
    /// The address of page `number` in `sort` order.
    public let link: @Sendable (_ number: Int, _ sort: RankingSort) -> String
    /// The address of the whole ranking on one page, for printing.
    public let everything: String

    public init(page: RankingPage, everything: String, link: @escaping @Sendable (_ number: Int, _ sort: RankingSort) -> String) {
        self.page = page
        self.link = link
        self.everything = everything
    }
}
