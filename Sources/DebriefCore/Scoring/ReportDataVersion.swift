/// How far a position's report data has changed: every write to what its report shows advances
/// one of the two counters (kept by the store in the write's own transaction), so two reads with
/// the same version saw the same data.
public struct ReportDataVersion: Hashable, Sendable {
    /// Advanced by writes to the position, its rounds, panels, scorecards, ratings and candidates.
    public let position: Int64
    /// Advanced by writes any position's report may show: interviewers' names, question texts.
    public let shared: Int64

    public init(position: Int64, shared: Int64) {
        self.position = position
        self.shared = shared
    }
}
