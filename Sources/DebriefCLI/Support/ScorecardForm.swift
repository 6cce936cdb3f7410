import DebriefCore
import Foundation
import Yams

/// A scorecard as an interviewer fills it in: from a YAML/JSON file, from flags, or both (flags win).
struct ScorecardForm {
    /// The file format of `scorecards submit --file`.
    struct File: Decodable {
        struct QuestionRating: Decodable {
            let question: Int64
            let competency: String
            let rating: String
            let note: String?
        }

        let round: Int64?
        let interviewer: String?
        let recommendation: String?
        let notes: String?
        let ratings: [String: String]?
        let questions: [QuestionRating]?
    }

    let round: Int64
    let interviewer: EmailAddress
    let ratings: [Rating]
    let recommendation: Recommendation?
    let notes: String?

    static func load(_ path: String) throws -> File {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CLIError("cannot read the scorecard file \(path)")
        }
        do {
            return try YAMLDecoder().decode(File.self, from: text)
        } catch let error as DecodingError {
            throw CLIError("\(path): \(Self.explain(error))")
        } catch {
            throw CLIError("\(path) is not valid YAML or JSON: \(error)")
        }
    }

    static func merge(file: File?, flags: ScorecardsCommand.Submit) throws -> ScorecardForm {
        guard let round = flags.round ?? file?.round else { throw CLIError("name the round with --round ID (or 'round:' in the file)") }
        guard let interviewer = try flags.interviewer ?? file?.interviewer.map({ try EmailAddress($0, field: "interviewer") }) else {
            throw CLIError("name the interviewer with --interviewer EMAIL (or 'interviewer:' in the file)")
        }
        var ratings: [Rating] = []
        for (competency, value) in (file?.ratings ?? [:]).sorted(by: { $0.key < $1.key }) {
            ratings.append(try RatingArgument.parse("\(competency)=\(value)", perQuestion: false))
        }
        for question in file?.questions ?? [] {
            let parsed = try RatingArgument.parse("\(question.question):\(question.competency)=\(question.rating)", perQuestion: true)
            ratings.append(try Rating(competencyID: parsed.competencyID, questionID: parsed.questionID, value: parsed.value, note: question.note))
        }
        let flagged = flags.ratings + flags.questionRatings
        ratings.removeAll { rating in flagged.contains { $0.competencyID == rating.competencyID && $0.questionID == rating.questionID } }
        return ScorecardForm(
            round: round, interviewer: interviewer, ratings: ratings + flagged,
            recommendation: try flags.recommendation ?? file?.recommendation.map(Recommendation.init(parsing:)),
            notes: flags.notes ?? file?.notes)
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
