/// The notes that say why a figure of a report is missing (null in JSON, a dash on pages), worded once
/// for the position and candidate reports, and for people: they are printed on the pages as they are.
enum ReportNotes {
    /// Why an unscored candidate's score, rank and percentile are null; `name` nil in the candidate's own report.
    static func unscored(_ entry: PositionReport.CandidateEntry, name: String?) -> [String] {
        guard entry.score == nil else { return [] }
        let who = name ?? "the candidate"
        if entry.scorecards == 0 { return ["\(who) has no submitted scorecards yet, so there is no score, calibrated score, rank or percentile"] }
        return [
            "\(who)'s submitted scorecards give no signal on any competency, so there is no score, calibrated score, rank or percentile"
        ]
    }

    /// Why the only scored candidate has no percentile.
    static func onlyScored(name: String?) -> String {
        "\(name ?? "the candidate") is the only scored candidate of the position, so there is no one to compare with and no percentile"
    }
}
