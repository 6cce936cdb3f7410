import Foundation

/// One checked row of a score sheet.
struct ScoreSheetRow {
    let line: Int
    let position: String
    let candidateName: String
    let candidateEmail: EmailAddress
    let round: RoundKind
    let interviewerEmail: EmailAddress
    let rating: Rating
    let recommendation: Recommendation?
    let submittedAt: Date?

    init(_ record: CSVReader.Record) throws(ScoreSheetProblem) {
        line = record.line
        let field = { (name: String) in record.fields[ScoreSheet.columns.firstIndex(of: name)!].trimmingWhitespace() }
        func check<T>(_ column: String, _ parse: (String) throws(FieldError) -> T) throws(ScoreSheetProblem) -> T {
            do { return try parse(field(column)) } catch { throw ScoreSheetProblem(line: record.line, column: column, error.message) }
        }
        position = try check("position") { (text) throws(FieldError) in try Text.required(text, field: "position") }
        candidateName = try check("candidate_name") { (text) throws(FieldError) in try Text.required(text, field: "candidate_name") }
        candidateEmail = try check("candidate_email") { (text) throws(FieldError) in try EmailAddress(text) }
        round = try check("round") { (text) throws(FieldError) in try RoundKind(parsing: text) }
        interviewerEmail = try check("interviewer_email") { (text) throws(FieldError) in try EmailAddress(text) }
        let competency = try check("competency") { (text) throws(FieldError) in try Slug.validated(text, field: "competency") }
        // An empty cell is no signal too: a spreadsheet leaves it blank.
        let value = try check("rating") { (text) throws(FieldError) in text.isEmpty ? .noSignal : try RatingValue(parsing: text) }
        rating = try check("note") { (text) throws(FieldError) in try Rating(competencyID: competency, value: value, note: text) }
        recommendation = try check("recommendation") { (text) throws(FieldError) in text.isEmpty ? nil : try Recommendation(parsing: text) }
        submittedAt = try check("submitted_at") { (text) throws(FieldError) -> Date? in
            guard !text.isEmpty else { return nil }
            guard let date = ISO8601.parse(text) else {
                throw FieldError(field: "submitted_at", "'\(text)' is not a date; use ISO 8601 such as 2026-11-03 or 2026-11-03T14:30:00Z")
            }
            return date
        }
    }

    /// Groups rows into scorecards, reporting a competency rated twice or conflicting recommendations.
    static func group(_ rows: [ScoreSheetRow], problems: inout [ScoreSheetProblem]) -> [ScoreSheet.Group] {
        var order: [String] = []
        var byKey: [String: [ScoreSheetRow]] = [:]
        for row in rows {
            let key = [row.position.lowercased(), row.candidateEmail.value, row.round.rawValue, row.interviewerEmail.value].joined(
                separator: "\u{1F}")
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(row)
        }
        return order.compactMap { key in
            let rows = byKey[key]!
            let first = rows[0]
            var seen: Set<String> = []
            for row in rows where !seen.insert(row.rating.competencyID).inserted {
                problems.append(
                    .init(
                        line: row.line, column: "competency",
                        "'\(row.rating.competencyID)' is rated twice in this scorecard (first on line \(first.line))"))
            }
            let recommendations = Set(rows.compactMap(\.recommendation))
            guard recommendations.count <= 1 else {
                problems.append(
                    .init(
                        line: first.line, column: "recommendation",
                        "rows of one scorecard disagree: \(recommendations.map(\.rawValue).sorted().joined(separator: ", "))"))
                return nil
            }
            guard let recommendation = recommendations.first else {
                problems.append(
                    .init(line: first.line, column: "recommendation", "no row of this scorecard gives a recommendation (no_decision is allowed)"))
                return nil
            }
            guard let submittedAt = rows.compactMap(\.submittedAt).max() else {
                problems.append(.init(line: first.line, column: "submitted_at", "no row of this scorecard says when it was submitted"))
                return nil
            }
            return ScoreSheet.Group(
                position: first.position, candidateName: first.candidateName, candidateEmail: first.candidateEmail, round: first.round,
                interviewerEmail: first.interviewerEmail, ratings: rows.map(\.rating), recommendation: recommendation, submittedAt: submittedAt,
                line: first.line)
        }
    }
}
