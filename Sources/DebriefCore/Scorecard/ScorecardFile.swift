/// A scorecard as an interviewer writes it in a file (YAML, or JSON, which YAML reads too):
///
/// ```yaml
/// round: 3
/// interviewer: grace@example.com
/// recommendation: yes
/// notes: Clear on REST
/// ratings: {apis-http: 3, databases: none}
/// questions: [{question: 12, competency: apis-http, rating: 4, note: "..."}]
/// ```
///
/// Unknown keys are refused with their line and the known keys, so a misspelled `ratingz:`
/// never turns into a scorecard with no ratings.
public struct ScorecardFile: Hashable, Sendable {
    public static let keys = ["round", "interviewer", "recommendation", "notes", "ratings", "questions"]
    static let questionKeys = ["question", "competency", "rating", "note"]

    public var round: Int64?
    public var interviewer: EmailAddress?
    public var recommendation: Recommendation?
    public var notes: String?
    /// Competency ratings first (by competency id), then question ratings in file order.
    public var ratings: [Rating]
    /// True when the file has a `ratings:` or `questions:` key, even an empty one: an empty list
    /// is how a file says on purpose that it rates nothing.
    public var declaresRatings: Bool

    /// `JSON` or `YAML`, as the text looks: what error messages call the file.
    public static func format(of text: String) -> String {
        let first = text.first { !$0.isWhitespace }
        return first == "{" || first == "[" ? "JSON" : "YAML"
    }

    /// Reads `text`; `file` names it in errors (`file:line: what to fix`).
    public static func decode(_ text: String, file: String) throws(ScorecardFileError) -> ScorecardFile {
        guard let root = try YAMLField.root(of: text, file: file, format: format(of: text)) else {
            throw ScorecardFileError(file: file, line: nil, "is empty; a scorecard needs at least ratings: or questions:")
        }
        return try decode(root)
    }

    private static func decode(_ root: YAMLField) throws(RubricError) -> ScorecardFile {
        let top = try root.mapping(allowed: keys)
        var ratings: [Rating] = []
        if let field = top["ratings"] {
            for (key, value) in try field.pairs() {
                let competency = try key.slug()
                ratings.append(
                    try value.parsed { (text) throws(FieldError) in
                        try Rating(competencyID: competency, value: RatingValue(parsing: text, field: "ratings.\(competency)"))
                    })
            }
        }
        for item in try top["questions"]?.sequence() ?? [] {
            let entry = try item.mapping(allowed: questionKeys, required: ["question", "competency", "rating"])
            let questionField = try entry.required("question")
            let question = try questionField.int()
            guard question > 0 else { throw questionField.error("expected a question id (a whole number above 0)") }
            let competency = try entry.required("competency").slug()
            let note = try entry["note"]?.string()
            let rating = try entry.required("rating")
            ratings.append(
                try rating.parsed { (text) throws(FieldError) in
                    try Rating(competencyID: competency, questionID: Int64(question), value: RatingValue(parsing: text, field: "rating"), note: note)
                })
        }
        let round = try top["round"].map { (field) throws(RubricError) -> Int64 in
            let id = try field.int()
            guard id > 0 else { throw field.error("expected a round id (a whole number above 0)") }
            return Int64(id)
        }
        return ScorecardFile(
            round: round,
            interviewer: try top["interviewer"]?.parsed { (text) throws(FieldError) in try EmailAddress(text, field: "interviewer") },
            recommendation: try top["recommendation"]?.parsed { (text) throws(FieldError) in try Recommendation(parsing: text) },
            notes: try top["notes"].map { (field) throws(RubricError) in field.node.string ?? "" },
            ratings: ratings, declaresRatings: top["ratings"] != nil || top["questions"] != nil)
    }
}
