import DebriefCore
import Foundation
import GRDB

/// A search of the question bank: words to find in questions and answers, and filters.
public struct QuestionQuery: Sendable, Equatable {
    /// Words to find (every one, the last also as a prefix from three letters), in the question, its title or its model answer.
    public var text: String?
    public var competency: String?
    public var level: String?
    /// Only this set (any version); without it, only the newest version of each set is searched.
    public var setID: Int64?
    public var limit: Int
    public var offset: Int

    public init(text: String? = nil, competency: String? = nil, level: String? = nil, setID: Int64? = nil, limit: Int = 50, offset: Int = 0) {
        self.text = text
        self.competency = competency
        self.level = level
        self.setID = setID
        self.limit = limit
        self.offset = offset
    }
}

/// A question found, with its set and the question's text split into matched and unmatched runs.
public struct QuestionHit: Sendable {
    public struct Run: Sendable, Equatable {
        public let text: String
        public let matched: Bool
    }

    public let question: Question
    public let setTitle: String
    public let setVersion: Int
    public let runs: [Run]
}

/// One page of hits and how many there are in all.
public struct QuestionSearchResult: Sendable {
    public let hits: [QuestionHit]
    public let total: Int
}

extension AppDatabase {
    /// Searches question text, titles and answers with SQLite FTS5 (ranked by bm25), filtered by competency,
    /// level and set. Whatever a person types is turned into quoted FTS terms, never FTS syntax.
    public func searchQuestions(_ query: QuestionQuery) async throws(StoreError) -> QuestionSearchResult {
        try await read { db in
            var joins = "FROM question q JOIN question_set s ON s.id = q.set_id"
            var conditions: [String] = []
            var arguments: StatementArguments = []
            let pattern = query.text.flatMap(Self.fullTextPattern)
            if let pattern {
                joins += " JOIN question_search f ON f.rowid = q.id"
                conditions.append("question_search MATCH ?")
                arguments += [pattern]
            }
            if let setID = query.setID {
                conditions.append("q.set_id = ?")
                arguments += [setID]
            } else {
                conditions.append("s.version = (SELECT max(version) FROM question_set x WHERE x.source = s.source)")
            }
            if let competency = query.competency, !competency.isEmpty {
                conditions.append("EXISTS (SELECT 1 FROM json_each(q.competencies) WHERE value = ?)")
                arguments += [competency]
            }
            if let level = query.level, !level.isEmpty {
                conditions.append("q.level = ? COLLATE NOCASE")
                arguments += [level]
            }
            let whereClause = "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(joins) \(whereClause)", arguments: arguments) ?? 0
            let highlight = pattern == nil ? "q.text" : "highlight(question_search, 0, char(2), char(3))"
            let order = pattern == nil ? "q.set_id DESC, q.ordinal, q.id" : "bm25(question_search), q.id"
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT q.*, s.title AS set_title, s.version AS set_version, \(highlight) AS marked
                    \(joins) \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?
                    """, arguments: arguments + [query.limit, query.offset])
            let hits = try rows.map { row in
                QuestionHit(
                    question: try QuestionRecord(row: row).domain(), setTitle: row["set_title"], setVersion: row["set_version"],
                    runs: Self.runs(row["marked"]))
            }
            return QuestionSearchResult(hits: hits, total: total)
        }
    }

    /// `"cap" "theorem"*` for `CAP theorem`: each word quoted (so quotes, `AND`, `NEAR(` and `*` a
    /// person types are only words), all required, the last also as a prefix when it is long enough
    /// to mean one (`shard` finds "sharding"). Nil when there are no words.
    static func fullTextPattern(_ text: String) -> String? {
        let words = text.split { !($0.isLetter || $0.isNumber) }.map { String($0).lowercased() }
        guard let last = words.last else { return nil }
        let prefix = last.count >= shortestPrefix ? "*" : ""
        return (words.dropLast().map { "\"\($0)\"" } + ["\"\(last)\"\(prefix)"]).joined(separator: " ")
    }

    /// The fewest letters a last word needs to be searched as the start of longer words: `C++` is the
    /// word "c", and as a prefix it matched every question with a word starting with c; `Go` matched
    /// "good".
    static let shortestPrefix = 3

    /// The highlighted text split at FTS5's markers (STX opens a match, ETX closes it).
    static func runs(_ marked: String) -> [QuestionHit.Run] {
        var runs: [QuestionHit.Run] = []
        var current = "", matched = false
        for character in marked {
            if character == "\u{2}" || character == "\u{3}" {
                if !current.isEmpty { runs.append(QuestionHit.Run(text: current, matched: matched)) }
                current = ""
                matched = character == "\u{2}"
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { runs.append(QuestionHit.Run(text: current, matched: matched)) }
        return runs
    }
}
