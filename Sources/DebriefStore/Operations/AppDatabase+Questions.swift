import DebriefCore
import GRDB

/// What importing a question set did.
public enum QuestionSetImportOutcome: Hashable, Sendable {
    /// The set was stored (as version 1 of its source, or the next version when the page changed).
    case stored(QuestionSet)
    /// The same content from the same source is already in the bank; nothing was added.
    case unchanged(existing: QuestionSet)
}

extension AppDatabase {
    /// Stores an imported set in one transaction with its source and content hash. The same
    /// content from the same source adds nothing; changed content becomes the source's next version.
    public func importQuestionSet(_ set: QuestionSet, by principal: Principal) async throws(StoreError) -> QuestionSetImportOutcome {
        try await write { db in
            let sameSource = QuestionSetRecord.filter(Column("source") == set.source)
            if let existing = try sameSource.filter(Column("content_hash") == set.contentHash).fetchOne(db) {
                let questions = try QuestionRecord.filter(Column("set_id") == existing.id).order(Column("ordinal"), Column("id")).fetchAll(db)
                return .unchanged(existing: try existing.domain(questions: questions.map { try $0.domain() }))
            }
            var versioned = set
            versioned.version = (try Int.fetchOne(db, sameSource.select(max(Column("version")))) ?? 0) + 1
            return .stored(try Self.createQuestionSet(db, versioned, by: principal))
        }
    }

    /// Stores a question set and its questions in one transaction.
    public func addQuestionSet(_ set: QuestionSet, by principal: Principal) async throws(StoreError) -> QuestionSet {
        try await write { db in try Self.createQuestionSet(db, set, by: principal) }
    }

    static func createQuestionSet(_ db: Database, _ set: QuestionSet, by principal: Principal) throws -> QuestionSet {
        var record = QuestionSetRecord(set)
        try record.insert(db)
        guard let setID = record.id else { throw StoreError.database("the question set was stored without an id") }
        var questions: [Question] = []
        questions.reserveCapacity(set.questions.count)
        let insert = try db.cachedStatement(sql: QuestionRecord.insertSQL)
        for var question in set.questions {
            try insert.execute(arguments: try QuestionRecord(question, setID: setID).insertArguments)
            // The question was checked when it was made; what the store adds is its ids.
            question.id = question.id ?? db.lastInsertedRowID
            question.setID = setID
            questions.append(question)
        }
        // The set's questions are indexed for search at once (see QuestionSearchBySetMigration).
        try db.execute(
            sql: "INSERT INTO question_search(rowid, text, title, answer_text) SELECT id, text, title, answer_text FROM question WHERE set_id = ?",
            arguments: [setID])
        let stored = try record.domain(questions: questions)
        try AuditLog.record(
            db, by: principal, action: "import", entity: "question_set", entityID: setID,
            after: ["title": stored.title, "source": stored.source, "version": "\(stored.version)", "questions": "\(questions.count)"])
        return stored
    }

    /// The question set with this id and its questions in order, or `notFound`.
    public func questionSet(id: Int64) async throws(StoreError) -> QuestionSet {
        try await read { db in
            guard let set = try QuestionSetRecord.fetchOne(db, id: id) else { throw StoreError.notFound(entity: "question set", key: "#\(id)") }
            let questions = try QuestionRecord.filter(Column("set_id") == id).order(Column("ordinal"), Column("id")).fetchAll(db)
            return try set.domain(questions: questions.map { try $0.domain() })
        }
    }

    /// Every question set with its questions in order.
    public func questionSets() async throws(StoreError) -> [QuestionSet] {
        try await read { db in
            let sets = try QuestionSetRecord.order(Column("id")).fetchAll(db)
            let questions = try QuestionRecord.order(Column("set_id"), Column("ordinal"), Column("id")).fetchAll(db)
            let bySet = Dictionary(grouping: questions, by: \.setId)
            return try sets.map { set in try set.domain(questions: (bySet[set.id ?? -1] ?? []).map { try $0.domain() }) }
        }
    }
}
