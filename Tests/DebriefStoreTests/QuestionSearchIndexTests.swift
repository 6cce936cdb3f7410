import DebriefCore
import Foundation
import GRDB
import Testing

@testable import DebriefStore

/// The full-text index of the question bank against its rows: imported sets are indexed once per set
/// by the statement that stores them, cascaded deletes by a trigger. FTS5's `integrity-check` with
/// rank 1 compares the index with the content table and fails on any row missing or left over.
@Suite("The question bank's full-text index")
struct QuestionSearchIndexTests {
    let admin = StoreFixtures.admin

    private func set(_ source: String, hash: String, questions: [(String, String?, String?)]) throws -> QuestionSet {
        try QuestionSet(
            title: "Set", source: source, contentHash: hash, importedAt: Date(timeIntervalSince1970: 1_800_000_000),
            questions: try questions.enumerated().map { index, question in
                try Question(ordinal: index + 1, text: question.0, answerHTML: question.1, title: question.2)
            })
    }

    private func checkIndex(_ store: AppDatabase) async throws {
        try await store.write { db in
            try db.execute(sql: "INSERT INTO question_search(question_search, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test("every stored set is indexed in full, titles and answers included, and a changed page's version too")
    func importedSetsAreIndexed() async throws {
        let store = try AppDatabase.inMemory()
        let first = try set(
            "page.html", hash: "sha256:1",
            questions: [("What is a mutex?", "<p>A <code>lock</code> &amp; its owner.</p>", nil), ("Why start at 0?", nil, "Index zero")])
        guard case .stored = try await store.importQuestionSet(first, by: admin) else { Issue.record("not stored"); return }
        let second = try set("page.html", hash: "sha256:2", questions: [("What is a semaphore?", "<p>A counter of permits.</p>", nil)])
        guard case .stored = try await store.importQuestionSet(second, by: admin) else { Issue.record("not stored"); return }
        try await checkIndex(store)
        #expect(try await store.searchQuestions(QuestionQuery(text: "owner", setID: 1)).total == 1, "an answer's words")
        #expect(try await store.searchQuestions(QuestionQuery(text: "zero", setID: 1)).total == 1, "a title's words")
        #expect(try await store.searchQuestions(QuestionQuery(text: "permits")).total == 1, "the newest version's answer")
        #expect(try await store.searchQuestions(QuestionQuery(text: "mutex")).total == 0, "older versions are searched only when chosen")
    }

    @Test("deleting a set takes its questions out of the index")
    func deletedSetsLeaveTheIndex() async throws {
        let store = try AppDatabase.inMemory()
        let stored = try await store.addQuestionSet(
            try set("a.html", hash: "sha256:a", questions: [("What is a mutex?", "<p>A lock.</p>", nil)]), by: admin)
        _ = try await store.addQuestionSet(try set("b.html", hash: "sha256:b", questions: [("What is a latch?", "<p>A gate.</p>", nil)]), by: admin)
        try await store.write { db in _ = try db.execute(sql: "DELETE FROM question_set WHERE id = ?", arguments: [stored.id]) }
        try await checkIndex(store)
        #expect(try await store.searchQuestions(QuestionQuery(text: "lock")).total == 0)
        #expect(try await store.searchQuestions(QuestionQuery(text: "gate")).total == 1)
    }

    @Test("the words typed become quoted FTS5 terms, all required; only a last word of three letters or more is a prefix")
    func fullTextPattern() {
        #expect(AppDatabase.fullTextPattern("CAP theorem") == #""cap" "theorem"*"#)
        #expect(AppDatabase.fullTextPattern("C++") == #""c""#)
        #expect(AppDatabase.fullTextPattern("Go or Rust") == #""go" "or" "rust"*"#)
        #expect(AppDatabase.fullTextPattern("learn go") == #""learn" "go""#)
        #expect(AppDatabase.fullTextPattern("\"AND NEAR( *") == #""and" "near"*"#)
        #expect(AppDatabase.fullTextPattern(" +*- ") == nil)
    }
}
