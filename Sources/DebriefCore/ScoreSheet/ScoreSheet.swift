import Foundation

/// A spreadsheet of ratings, one per row, as teams keep them before moving to Debrief:
/// `position,candidate_name,candidate_email,round,interviewer_email,competency,rating,recommendation,submitted_at,note`.
///
/// Rows are grouped into scorecards by (position, candidate, round, interviewer). Every row is
/// checked before anything is stored; all problems are reported together with line and column.
public struct ScoreSheet: Sendable {
    public static let columns = [
        "position", "candidate_name", "candidate_email", "round", "interviewer_email", "competency", "rating", "recommendation",
        "submitted_at", "note",
    ]

    /// One future scorecard: the rows that share a position, candidate, round and interviewer.
    public struct Group: Sendable {
        public let position: String
        public let candidateName: String
        public let candidateEmail: EmailAddress
        public let round: RoundKind
        public let interviewerEmail: EmailAddress
        public let ratings: [Rating]
        public let recommendation: Recommendation
        public let submittedAt: Date
        /// The first line of the group, for messages.
        public let line: Int
    }

    public let groups: [Group]

    /// Parses and checks `text`; throws every problem found, not only the first.
    public init(csv text: String) throws(ScoreSheetError) {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch { throw ScoreSheetError([.init(line: error.line, column: nil, error.message)]) }
        guard let header = records.first else { throw ScoreSheetError([.init(line: 1, column: nil, "the file is empty; it needs a header row")]) }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard names == Self.columns else {
            throw ScoreSheetError([
                .init(line: header.line, column: nil, "the header must be exactly: \(Self.columns.joined(separator: ","))")
            ])
        }
        var problems: [ScoreSheetProblem] = []
        var rows: [ScoreSheetRow] = []
        for record in records.dropFirst() {
            guard record.fields.count == Self.columns.count else {
                problems.append(.init(line: record.line, column: nil, "has \(record.fields.count) fields; every row needs \(Self.columns.count)"))
                continue
            }
            do { rows.append(try ScoreSheetRow(record)) } catch { problems.append(error) }
        }
        if rows.isEmpty && problems.isEmpty {
            problems.append(.init(line: header.line, column: nil, "there are no rows of ratings under the header"))
        }
        let grouped = ScoreSheetRow.group(rows, problems: &problems)
        guard problems.isEmpty else { throw ScoreSheetError(problems) }
        groups = grouped
    }
}

/// One thing wrong with one row.
public struct ScoreSheetProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: String?
    public let message: String

    public init(line: Int, column: String?, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)" }
}

/// Every problem of a score sheet; nothing of it was stored.
public struct ScoreSheetError: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [ScoreSheetProblem]

    public init(_ problems: [ScoreSheetProblem]) {
        self.problems = problems
    }

    public var description: String {
        let shown = problems.prefix(20).map { "  \($0)" }
        let more = problems.count > 20 ? ["  … and \(problems.count - 20) more"] : []
        return (["the score sheet was not imported; nothing was stored:"] + shown + more).joined(separator: "\n")
    }
}
