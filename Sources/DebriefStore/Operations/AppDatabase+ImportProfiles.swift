import DebriefCore
import Foundation
import GRDB

/// XPath overrides saved under a name, for importing more pages of the same unusual site.
public struct ImportProfile: Hashable, Sendable, Codable {
    public var name: String
    public var sectionXPath: String?
    public var questionXPath: String
    public var answerXPath: String?

    private enum CodingKeys: String, CodingKey {
        case name, sectionXPath = "sectionXpath", questionXPath = "questionXpath", answerXPath = "answerXpath"
    }

    public init(name: String, sectionXPath: String?, questionXPath: String, answerXPath: String?) {
        self.name = name
        self.sectionXPath = sectionXPath
        self.questionXPath = questionXPath
        self.answerXPath = answerXPath
    }
}

extension AppDatabase {
    /// Saves (or replaces) a named import profile.
    public func saveImportProfile(_ profile: ImportProfile, by principal: Principal) async throws(StoreError) {
        try await write { db in
            let before = try Self.fetchImportProfile(db, name: profile.name)
            try db.execute(
                sql: """
                    INSERT INTO import_profile (name, section_xpath, question_xpath, answer_xpath, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET section_xpath = excluded.section_xpath, question_xpath = excluded.question_xpath,
                        answer_xpath = excluded.answer_xpath, updated_at = excluded.updated_at
                    """,
                arguments: [profile.name, profile.sectionXPath, profile.questionXPath, profile.answerXPath, Date().storedPrecision])
            try AuditLog.record(
                db, by: principal, action: before == nil ? "create" : "update", entity: "import_profile", entityID: nil, before: before,
                after: profile)
        }
    }

    /// The import profile called `name`, or `notFound`.
    public func importProfile(named name: String) async throws(StoreError) -> ImportProfile {
        try await read { db in
            guard let profile = try Self.fetchImportProfile(db, name: name) else { throw StoreError.notFound(entity: "import profile", key: name) }
            return profile
        }
    }

    private static func fetchImportProfile(_ db: Database, name: String) throws -> ImportProfile? {
        try Row.fetchOne(db, sql: "SELECT * FROM import_profile WHERE name = ?", arguments: [name]).map {
            ImportProfile(name: $0["name"], sectionXPath: $0["section_xpath"], questionXPath: $0["question_xpath"], answerXPath: $0["answer_xpath"])
        }
    }
}
