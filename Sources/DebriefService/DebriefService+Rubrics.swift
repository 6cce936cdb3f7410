import DebriefCore
import DebriefStore

extension DebriefService {
    /// The rubrics of the `Rubrics/` folder, open to anyone signed in: interviewers score against them.
    public func rubricList() throws -> [Rubric] {
        try catalog().rubrics
    }

    /// Every rubric version that scorecards were made under, oldest first.
    public func rubricVersions(by principal: Principal) async throws -> [StoredRubricVersion] {
        try require(.readReports, principal)
        return try await database.rubricVersions()
    }

    /// A stored rubric version by content hash, parsed from the exact text scorecards were made under.
    public func rubricVersion(hash: String, by principal: Principal) async throws -> Rubric {
        try require(.readReports, principal)
        let yaml = try await database.rubricVersion(hash: hash)
        return try RubricDecoder.decode(yaml: yaml, file: "rubric version \(hash.prefix(12))")
    }
}
