import DebriefCore
import DebriefImport
import Foundation

/// Fixture pages and a helper to run the importer on them.
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/questionsets").standardized

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    static func extract(_ path: String, rubric: Rubric? = nil, overrides: XPathOverrides? = nil) throws -> ImportedQuestionSet {
        try QuestionSetImporter(rubric: rubric, overrides: overrides).extract(data(path), source: path)
    }

    static func questions(_ set: ImportedQuestionSet) -> [ImportedQuestion] {
        set.sections.flatMap(\.questions)
    }

    static let backendRubric: Rubric = {
        let url = folder.appendingPathComponent("../../Rubrics/backend-engineer.yaml").standardized
        return try! RubricDecoder.decode(yaml: String(contentsOf: url, encoding: .utf8), file: "backend-engineer.yaml")
    }()
}
