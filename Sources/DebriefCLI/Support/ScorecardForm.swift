import ArgumentParser
import DebriefCore
import Foundation

/// A scorecard as an interviewer fills it in: from a YAML/JSON file, from flags, or both (flags win).
struct ScorecardForm {
    let round: Int64
    let interviewer: EmailAddress
    let ratings: [Rating]
    let recommendation: Recommendation?
    let notes: String?

    static func load(_ path: String) throws -> ScorecardFile {
        try ScorecardFile.decode(try InputFile.text(path), file: path)
    }

    /// The file's fields overlaid with the flags'. A missing round or interviewer is a usage error;
    /// a file that yields no ratings is refused unless it says so with an empty `ratings: {}`.
    static func merge(file: ScorecardFile?, path: String?, flags: ScorecardsCommand.Submit) throws -> ScorecardForm {
        guard let round = flags.round ?? file?.round else {
            throw ValidationError("name the round with --round ID" + (file == nil ? "" : " (or 'round:' in the file)"))
        }
        guard let interviewer = flags.interviewer ?? file?.interviewer else {
            throw ValidationError("name the interviewer with --interviewer EMAIL" + (file == nil ? "" : " (or 'interviewer:' in the file)"))
        }
        let flagged = flags.ratings + flags.questionRatings
        var ratings = file?.ratings ?? []
        ratings.removeAll { rating in flagged.contains { $0.competencyID == rating.competencyID && $0.questionID == rating.questionID } }
        ratings += flagged
        if let file, let path, ratings.isEmpty, !file.declaresRatings {
            throw CLIError(
                "\(path) gives no ratings (it has no 'ratings:' or 'questions:' key); add them, or write 'ratings: {}' to submit a scorecard without ratings"
            )
        }
        return ScorecardForm(
            round: round, interviewer: interviewer, ratings: ratings, recommendation: flags.recommendation ?? file?.recommendation,
            notes: flags.notes ?? file?.notes)
    }
}
