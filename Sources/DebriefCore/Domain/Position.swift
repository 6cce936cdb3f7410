import Foundation

/// An opening that candidates interview for, scored against one rubric.
public struct Position: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64?
    public var title: String
    /// Seniority as the team names it (junior, senior, staff, ...), free text.
    public var level: String?
    /// The id of the rubric in `Rubrics/` that scorecards for this position use.
    public var rubricID: String
    public var createdAt: Date

    public init(id: Int64? = nil, title: String, level: String? = nil, rubricID: String, createdAt: Date = Date()) throws(FieldError) {
        self.id = id
        self.title = try Text.required(title, field: "title")
        self.level = try Text.optional(level, field: "level", maxLength: 50)
        self.rubricID = try Slug.validated(rubricID, field: "rubric")
        self.createdAt = createdAt
    }
}
