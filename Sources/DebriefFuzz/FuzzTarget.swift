import DebriefCore
import DebriefImport
import DebriefServer
import Foundation

/// What the fuzzer feeds arbitrary bytes to: each entry point that reads input from outside.
/// Every typed refusal is a correct answer; only a crash, a hang or a sanitizer report is a finding.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// The HTML importer, as `debrief import` and the web app's import run it.
    case html
    /// The rubric loader, as `Rubrics/*.yaml` are read.
    case rubric
    /// The score sheet reader, as `debrief scores import` and the API read a CSV sheet.
    case scores
    /// The API's JSON request bodies, sent through the routes of every operation that reads one.
    case api

    /// Where `make fuzz` takes this target's seed inputs from, relative to the repository.
    var seedFolders: [String] {
        switch self {
        case .html: ["Fixtures/questionsets"]
        case .rubric: ["Rubrics", "Fixtures/fuzz-seeds/rubric"]
        case .scores: ["Fixtures/fuzz-seeds/scores"]
        case .api: ["Fixtures/fuzz-seeds/api"]
        }
    }

    /// The file extensions of seed inputs.
    var seedExtensions: Set<String> {
        switch self {
        case .html: ["html", "htm"]
        case .rubric: ["yaml", "yml"]
        case .scores: ["csv"]
        case .api: ["json"]
        }
    }

    /// Runs the entry point on `data`, keeping nothing.
    func run(_ data: Data) async {
        switch self {
        case .html:
            _ = try? QuestionSetImporter().extract(data, source: "fuzz.html")
        case .rubric:
            _ = try? RubricDecoder.decode(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
        case .scores:
            _ = try? ScoreSheet(csv: String(decoding: data, as: UTF8.self))
        case .api:
            _ = await APIExercise.shared.send(data)
        }
    }
}
