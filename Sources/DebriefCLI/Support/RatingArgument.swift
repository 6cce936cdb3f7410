import DebriefCore
import Foundation

/// Ratings as typed on the command line: `apis-http=3`, `databases=none`, and per question `12:apis-http=3`.
enum RatingArgument {
    static func parse(_ text: String, perQuestion: Bool) throws -> Rating {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var questionID: Int64?
        if perQuestion {
            guard let colon = rest.firstIndex(of: ":"), let id = Int64(rest[..<colon]), id > 0 else {
                throw FieldError(field: "question rating", "'\(text)' needs the form QUESTION_ID:COMPETENCY=RATING, such as 12:apis-http=3")
            }
            questionID = id
            rest = rest[rest.index(after: colon)...]
        }
        let parts = rest.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else {
            throw FieldError(field: "rating", "'\(text)' needs the form COMPETENCY=RATING, such as apis-http=3 or databases=none")
        }
        return try Rating(competencyID: parts[0], questionID: questionID, value: RatingValue(parsing: parts[1]))
    }
}
