import DebriefCore
import GRDB

extension AppDatabase {
    /// Stores a question set and its questions in one transaction.
    public func addQuestionSet(_ set: QuestionSet, by principal: Principal) async throws(StoreError) -> QuestionSet {
        try await write { db in
            var record = QuestionSetRecord(set)
            try record.insert(db)
            guard let setID = record.id else { throw StoreError.database("the question set was stored without an id") }
            var questions: [Question] = []
            for question in set.questions {
                var questionRecord = try QuestionRecord(question, setID: setID)
                try questionRecord.insert(db)
                questions.append(try questionRecord.domain())
            }
            let stored = try record.domain(questions: questions)
            try AuditLog.record(
                db, by: principal, action: "import", entity: "question_set", entityID: setID,
                after: ["title": stored.title, "source": stored.source, "questions": "\(questions.count)"])
            return stored
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
